-- Contracts: an account's code hash, and each code once by its hash (EVM chains create code).
ALTER TABLE account ADD COLUMN code_hash BINARY(32);
ALTER TABLE verifier_account ADD COLUMN code_hash BINARY(32);
CREATE TABLE contract_code (
  hash BINARY(32) PRIMARY KEY,
  code VARBINARY(100000000) NOT NULL
);
