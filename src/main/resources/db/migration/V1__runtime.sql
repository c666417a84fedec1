-- The embedded runtime's chain data. One row per block, transaction, account; all writes of
-- one block happen in one transaction, so a killed runtime resumes at a consistent point.
CREATE TABLE meta (
  k VARCHAR(64) PRIMARY KEY,
  v VARCHAR(1000) NOT NULL
);

CREATE TABLE l2_block (
  number BIGINT PRIMARY KEY,
  hash BINARY(32) NOT NULL,
  timestamp_ms BIGINT NOT NULL,
  tx_count INT NOT NULL,
  gas_used BIGINT NOT NULL,
  header VARBINARY(2048) NOT NULL,
  origin_number BIGINT NOT NULL,
  origin_hash BINARY(32) NOT NULL,
  origin_base_fee NUMERIC(80, 0) NOT NULL,
  origin_blob_fee NUMERIC(80, 0) NOT NULL,
  origin_ts BIGINT NOT NULL,
  burnt NUMERIC(80, 0) NOT NULL,
  deposited NUMERIC(80, 0) NOT NULL,
  withdrawn NUMERIC(80, 0) NOT NULL,
  total_txs BIGINT NOT NULL,
  total_gas BIGINT NOT NULL
);
CREATE UNIQUE INDEX l2_block_hash ON l2_block(hash);

CREATE TABLE l2_tx (
  hash BINARY(32) PRIMARY KEY,
  block_number BIGINT NOT NULL,
  idx INT NOT NULL,
  sender BINARY(20) NOT NULL,
  recipient BINARY(20),
  raw VARBINARY(1000000) NOT NULL,
  receipt VARBINARY(1000000) NOT NULL,
  gas_used BIGINT NOT NULL,
  l1_fee NUMERIC(80, 0) NOT NULL
);
CREATE INDEX l2_tx_block ON l2_tx(block_number, idx);
CREATE INDEX l2_tx_sender ON l2_tx(sender);
CREATE INDEX l2_tx_recipient ON l2_tx(recipient);

CREATE TABLE account (
  address BINARY(20) PRIMARY KEY,
  nonce BIGINT NOT NULL,
  balance NUMERIC(80, 0) NOT NULL,
  code VARBINARY(1000000)
);

CREATE TABLE storage_slot (
  address BINARY(20) NOT NULL,
  slot BINARY(32) NOT NULL,
  val NUMERIC(80, 0) NOT NULL,
  PRIMARY KEY (address, slot)
);

CREATE TABLE l1_block (
  number BIGINT PRIMARY KEY,
  hash BINARY(32) NOT NULL,
  parent_hash BINARY(32) NOT NULL,
  timestamp_ms BIGINT NOT NULL,
  base_fee NUMERIC(80, 0) NOT NULL,
  blob_fee NUMERIC(80, 0) NOT NULL,
  gas_used BIGINT NOT NULL,
  blobs INT NOT NULL
);

CREATE TABLE l1_batcher_tx (
  l1_block BIGINT NOT NULL,
  idx INT NOT NULL,
  chain_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  data VARBINARY(2000000) NOT NULL,
  blobs INT NOT NULL,
  submitted_ms BIGINT NOT NULL,
  fee NUMERIC(80, 0) NOT NULL,
  PRIMARY KEY (l1_block, idx)
);

CREATE TABLE l1_output (
  chain_id BIGINT NOT NULL,
  idx BIGINT NOT NULL,
  l2_block BIGINT NOT NULL,
  root BINARY(32) NOT NULL,
  l1_block BIGINT NOT NULL,
  timestamp_ms BIGINT NOT NULL,
  PRIMARY KEY (chain_id, idx)
);

CREATE TABLE l1_deposit (
  l1_block BIGINT NOT NULL,
  log_index INT NOT NULL,
  chain_id BIGINT NOT NULL,
  sender BINARY(20) NOT NULL,
  recipient BINARY(20) NOT NULL,
  val NUMERIC(80, 0) NOT NULL,
  PRIMARY KEY (l1_block, log_index)
);

CREATE TABLE batch (
  id BIGINT PRIMARY KEY,
  first_l2 BIGINT NOT NULL,
  last_l2 BIGINT NOT NULL,
  tx_count INT NOT NULL,
  raw_bytes BIGINT NOT NULL,
  compressed_bytes BIGINT NOT NULL,
  blobs INT NOT NULL,
  l1_txs INT NOT NULL,
  l1_block BIGINT NOT NULL,
  fee NUMERIC(80, 0) NOT NULL,
  opened_ms BIGINT NOT NULL,
  posted_ms BIGINT NOT NULL
);
