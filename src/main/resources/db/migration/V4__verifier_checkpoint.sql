-- The verifier's own world state and its checkpoint after the last L1 block it read, written in
-- the next L1 block's transaction. A restart resumes derivation there instead of replaying L1 from
-- genesis, so resuming costs the same however long the chain.
CREATE TABLE verifier_account (
  address BINARY(20) PRIMARY KEY,
  nonce BIGINT NOT NULL,
  balance NUMERIC(80, 0) NOT NULL
);

CREATE TABLE verifier_storage (
  address BINARY(20) NOT NULL,
  slot BINARY(32) NOT NULL,
  val NUMERIC(80, 0) NOT NULL,
  PRIMARY KEY (address, slot)
);

CREATE TABLE verifier_checkpoint (
  id INT PRIMARY KEY,
  l1_block BIGINT NOT NULL,
  data VARBINARY(100000000) NOT NULL
);
