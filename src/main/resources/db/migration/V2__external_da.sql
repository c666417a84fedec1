-- External DA networks (Celestia, EigenDA, Avail, local) keep channel data off L1; the L1 inbox
-- holds only a commitment. The data is stored here so the verifier can replay after a restart.
ALTER TABLE batch ADD COLUMN da_fee DOUBLE DEFAULT 0 NOT NULL;

CREATE TABLE da_blob (
  commitment BINARY(32) PRIMARY KEY,
  data VARBINARY(4000000) NOT NULL
);
