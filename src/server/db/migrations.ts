// Numbered schema migrations, applied in order at start. A migration, once released, is
// never edited: a change to the schema is a new entry at the end of the list.
import type { DatabaseSync } from 'node:sqlite';
import { keyListFiltersMigration } from './key-list-filters-migration';
import type { Migration } from './migration';
import { hasFts5 } from './sqlite-features';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'organizations, users, tokens and API keys',
    sql: `
      CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL
      ) STRICT;
      -- The member's highest role; roles are additive, so ORG_ADMIN implies the other two.
      CREATE TABLE memberships (
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER')),
        PRIMARY KEY (organization_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX memberships_by_user ON memberships (user_id);
      -- Only a SHA-256 of each refresh token; consumed_at is set when it is rotated or revoked.
      CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        consumed_at TEXT
      ) STRICT;
      -- creator_name and search_text copy the creator's name (users cannot be renamed here)
      -- so that sorting by creator and searching never join: the 100,000-key goals need it.
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('ORG_EDITOR', 'ORG_VIEWER')),
        created_by TEXT NOT NULL REFERENCES users (id),
        creator_name TEXT NOT NULL,
        search_text TEXT NOT NULL,
        creation_date TEXT NOT NULL,
        expiration_date TEXT NOT NULL,
        last_used_date TEXT,
        secret_hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX api_keys_by_creation ON api_keys (organization_id, creation_date, id);
      CREATE INDEX api_keys_by_expiration ON api_keys (organization_id, expiration_date, id);
      CREATE INDEX api_keys_by_title ON api_keys (organization_id, title COLLATE NOCASE, id);
      CREATE INDEX api_keys_by_creator ON api_keys (organization_id, creator_name COLLATE NOCASE, id);
      CREATE INDEX api_keys_by_role ON api_keys (organization_id, role, id);
      CREATE TABLE idempotency_keys (
        organization_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        api_key_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (organization_id, user_id, idempotency_key)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'data sources, projects, layers and permission entries',
    sql: `
      CREATE TABLE data_sources (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        creation_date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX data_sources_by_org ON data_sources (organization_id, name);
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        creation_date TEXT NOT NULL
      ) STRICT;
      CREATE INDEX projects_by_org ON projects (organization_id, name);
      CREATE TABLE layers (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        data_source_id TEXT NOT NULL REFERENCES data_sources (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX layers_by_project ON layers (project_id, position);
      CREATE INDEX layers_by_data_source ON layers (data_source_id);
      -- A resource's access list. The principal is a user or an API key (no foreign key:
      -- it points at one of two tables); resource_type says which table resource_id is in.
      CREATE TABLE acl_entries (
        resource_type TEXT NOT NULL CHECK (resource_type IN ('DATA_SOURCE', 'PROJECT')),
        resource_id TEXT NOT NULL,
        principal_type TEXT NOT NULL CHECK (principal_type IN ('USER', 'API_KEY')),
        principal_id TEXT NOT NULL,
        owner INTEGER NOT NULL CHECK (owner IN (0, 1)),
        modify INTEGER NOT NULL CHECK (modify IN (0, 1)),
        view INTEGER NOT NULL CHECK (view IN (0, 1)),
        PRIMARY KEY (resource_type, resource_id, principal_type, principal_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX acl_entries_by_principal ON acl_entries (principal_type, principal_id, resource_type);
    `,
  },
  {
    version: 3,
    name: 'permission entries keep the order in which they were given',
    sql: 'ALTER TABLE acl_entries ADD COLUMN position INTEGER NOT NULL DEFAULT 0;',
  },
  {
    version: 4,
    name: 'API key counts and trigram search index',
    sql: (db) => {
      // Counts per organization and role, kept by triggers: an unfiltered page needs its
      // total in O(1) rather than by counting 100,000 index entries.
      db.exec(`
        CREATE TABLE api_key_counts (
          organization_id TEXT NOT NULL,
          role TEXT NOT NULL,
          count INTEGER NOT NULL,
          PRIMARY KEY (organization_id, role)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO api_key_counts SELECT organization_id, role, COUNT(*) FROM api_keys GROUP BY organization_id, role;
        CREATE INDEX api_keys_by_id ON api_keys (organization_id, id);
        CREATE TRIGGER api_keys_count_insert AFTER INSERT ON api_keys BEGIN
          INSERT INTO api_key_counts (organization_id, role, count) VALUES (new.organization_id, new.role, 1)
          ON CONFLICT DO UPDATE SET count = count + 1;
        END;
        CREATE TRIGGER api_keys_count_delete AFTER DELETE ON api_keys BEGIN
          UPDATE api_key_counts SET count = count - 1 WHERE organization_id = old.organization_id AND role = old.role;
        END;
        CREATE TRIGGER api_keys_count_update AFTER UPDATE OF organization_id, role ON api_keys BEGIN
          UPDATE api_key_counts SET count = count - 1 WHERE organization_id = old.organization_id AND role = old.role;
          INSERT INTO api_key_counts (organization_id, role, count) VALUES (new.organization_id, new.role, 1)
          ON CONFLICT DO UPDATE SET count = count + 1;
        END;
      `);
      // Substring search through an FTS5 trigram index over search_text (already lower-cased,
      // hence case_sensitive 1: a match is then exactly instr() > 0). A SQLite built without
      // FTS5 gets no index, and the search falls back to scanning.
      if (!hasFts5(db)) return;
      db.exec(`
        CREATE VIRTUAL TABLE api_key_search USING fts5(
          search_text, content = 'api_keys', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 1'
        );
        INSERT INTO api_key_search (api_key_search) VALUES ('rebuild');
        CREATE TRIGGER api_keys_search_insert AFTER INSERT ON api_keys BEGIN
          INSERT INTO api_key_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER api_keys_search_delete AFTER DELETE ON api_keys BEGIN
          INSERT INTO api_key_search (api_key_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        END;
        CREATE TRIGGER api_keys_search_update AFTER UPDATE OF search_text ON api_keys BEGIN
          INSERT INTO api_key_search (api_key_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
          INSERT INTO api_key_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
      `);
    },
  },
  {
    version: 5,
    name: 'refresh-token families, to end a session whose rotated token is replayed',
    // Tokens issued before this migration each form a family of their own.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN family_id TEXT;
      UPDATE refresh_tokens SET family_id = token_hash;
      CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
    `,
  },
  {
    version: 6,
    name: 'identity provider: organizations known by an Auth0-style id, authorization codes, OAuth refresh tokens',
    // auth0_id: how an identity provider names the organization (the `organization`
    // parameter, the `org_id` claim), as JMap Cloud's organizations carry an Auth0 id.
    sql: `
      ALTER TABLE organizations ADD COLUMN auth0_id TEXT;
      UPDATE organizations SET auth0_id = 'org_' || substr(replace(id, '-', ''), 1, 16);
      CREATE UNIQUE INDEX organizations_by_auth0_id ON organizations (auth0_id);
      -- Only a SHA-256 of each code. family_id is the refresh-token family the code was
      -- exchanged for: a replayed code revokes it (RFC 6749, section 4.1.2).
      CREATE TABLE oauth_authorization_codes (
        code_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        code_challenge TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id TEXT REFERENCES organizations (id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        nonce TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        consumed_at TEXT,
        family_id TEXT
      ) STRICT;
      -- Rotating refresh tokens of the identity provider, by family as refresh_tokens.
      CREATE TABLE oauth_refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id TEXT REFERENCES organizations (id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        consumed_at TEXT
      ) STRICT;
      CREATE INDEX oauth_refresh_tokens_by_family ON oauth_refresh_tokens (family_id);
    `,
  },
  keyListFiltersMigration,
  {
    version: 8,
    name: 'project names in several languages',
    // JMap Cloud names projects per language ({"en": …, "fr": …}). name keeps one of them
    // (English, else the first) for sorting; name_translations the whole object as JSON, or
    // NULL for a name given as one string.
    sql: 'ALTER TABLE projects ADD COLUMN name_translations TEXT;',
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Applies every migration not yet applied (up to `upTo`: tests of an upgrade stop earlier). */
export function applyMigrations(db: DatabaseSync, upTo = LATEST_SCHEMA_VERSION): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`The database was written by a newer KeyDesk (schema ${current}; this one knows up to ${LATEST_SCHEMA_VERSION}).`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      if (typeof migration.sql === 'string') db.exec(migration.sql);
      else migration.sql(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
