-- What the EVM said about a transaction that ran code, beyond its receipt: the contract it
-- created, why it failed, and the data it reverted with (receipts do not carry it).
CREATE TABLE l2_tx_execution (
  hash BINARY(32) PRIMARY KEY,
  contract_address BINARY(20),
  error VARCHAR(1000),
  revert_data VARBINARY(1000000)
);
CREATE INDEX l2_tx_execution_contract ON l2_tx_execution(contract_address);
