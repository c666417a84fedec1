-- The standard bridge's messages: a deposit can carry a call on L2 (its data, with the gas it
-- bought), and a withdrawal a call on L1. Rows written before this hold ETH alone.
ALTER TABLE l1_deposit ADD COLUMN gas_limit BIGINT DEFAULT 21000 NOT NULL;
ALTER TABLE l1_deposit ADD COLUMN data VARBINARY DEFAULT X'' NOT NULL;
ALTER TABLE withdrawal ADD COLUMN data VARBINARY DEFAULT X'' NOT NULL;
