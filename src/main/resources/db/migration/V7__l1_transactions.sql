-- The embedded L1 is an EVM chain: each block's state root, and its user transactions with their
-- receipts (a resume runs them again to rebuild the L1 state).
ALTER TABLE l1_block ADD COLUMN state_root BINARY(32);
CREATE TABLE l1_tx (
  l1_block BIGINT NOT NULL,
  idx INT NOT NULL,
  hash BINARY(32) NOT NULL,
  raw VARBINARY(1000000) NOT NULL,
  receipt VARBINARY(1000000) NOT NULL,
  gas_used BIGINT NOT NULL,
  PRIMARY KEY (l1_block, idx)
);
CREATE INDEX l1_tx_hash ON l1_tx(hash);
