-- Withdrawals from L2 to L1 and how far each got: started with its L2 block (same transaction),
-- proven against an output, finalized on L1. A resumed runtime carries on from here.
CREATE TABLE withdrawal (
  hash BINARY(32) PRIMARY KEY,
  nonce NUMERIC(80, 0) NOT NULL,
  sender BINARY(20) NOT NULL,
  target BINARY(20) NOT NULL,
  val NUMERIC(80, 0) NOT NULL,
  gas_limit NUMERIC(80, 0) NOT NULL,
  l2_block BIGINT NOT NULL,
  output_index BIGINT,
  proven_at BIGINT,
  finalized_at BIGINT
);
