-- What each L1 block's dispute games and proof verifier took in (challenges, proofs, the referee's
-- answers), so a resumed L1 settles exactly as it did live.
ALTER TABLE l1_block ADD COLUMN settlement VARBINARY(100000000);
-- A disputed output is deleted and its index proposed again: each inclusion is kept, keyed by its block.
ALTER TABLE l1_output DROP PRIMARY KEY;
ALTER TABLE l1_output ADD PRIMARY KEY (l1_block, chain_id, idx);
