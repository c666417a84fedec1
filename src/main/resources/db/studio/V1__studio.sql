-- The studio's own state: settings (theme, window geometry) and recently opened projects.
CREATE TABLE setting (
  k VARCHAR(100) PRIMARY KEY,
  v VARCHAR(2000) NOT NULL
);

CREATE TABLE recent_project (
  path VARCHAR(2000) PRIMARY KEY,
  name VARCHAR(500) NOT NULL,
  opened_at BIGINT NOT NULL
);
