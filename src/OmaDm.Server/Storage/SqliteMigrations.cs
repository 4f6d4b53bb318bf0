namespace OmaDm.Server.Storage;

/// <summary>
/// Ordered schema migrations for SQLite. Index i moves the schema from version i to i+1; a
/// released entry is never edited, only appended to. Timestamps are Unix milliseconds.
/// </summary>
public static class SqliteMigrations
{
    /// <summary>The migration scripts in order.</summary>
    public static readonly IReadOnlyList<string> Scripts =
    [
        // 1: initial schema
        """
        CREATE TABLE devices (
            dev_id TEXT PRIMARY KEY,
            auth_name TEXT NOT NULL,
            pw_salt BLOB NOT NULL,
            pw_hash BLOB NOT NULL,
            pw_iterations INTEGER NOT NULL,
            noti_secret TEXT NULL,
            noti_host TEXT NULL,
            noti_port INTEGER NULL,
            poll_interval_s INTEGER NULL,
            fw_version TEXT NULL,
            devinfo_json TEXT NULL,
            mos_json TEXT NULL,
            auto_enrolled INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NULL,
            last_address TEXT NULL,
            noti_counter INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE mo_values (
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            uri TEXT NOT NULL,
            value_json TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (dev_id, uri)
        );
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            PRIMARY KEY (group_id, dev_id)
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NULL,
            state TEXT NOT NULL,
            trigger_alert TEXT NULL,
            packages INTEGER NOT NULL DEFAULT 0,
            statuses INTEGER NOT NULL DEFAULT 0,
            pending_json TEXT NULL,
            remote_address TEXT NULL,
            note TEXT NULL
        );
        CREATE INDEX ix_sessions_dev ON sessions(dev_id, id);
        CREATE TABLE commands (
            id INTEGER PRIMARY KEY,
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            cmd_json TEXT NOT NULL,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            campaign_id INTEGER NULL,
            session_id INTEGER NULL,
            status_code INTEGER NULL,
            status_json TEXT NULL,
            created_at INTEGER NOT NULL,
            sent_at INTEGER NULL,
            done_at INTEGER NULL
        );
        CREATE INDEX ix_commands_dev_state ON commands(dev_id, state, id);
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            session_id INTEGER NULL,
            received_at INTEGER NOT NULL,
            alert_type TEXT NOT NULL,
            source_uri TEXT NULL,
            target_uri TEXT NULL,
            mark TEXT NULL,
            data_type TEXT NULL,
            data TEXT NULL,
            correlator TEXT NULL,
            duplicate INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_alerts_dev ON alerts(dev_id, id);
        CREATE TABLE blobs (
            name TEXT PRIMARY KEY,
            length INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content_type TEXT NOT NULL,
            kind TEXT NOT NULL,
            dev_id TEXT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE firmware (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            blob_name TEXT NOT NULL REFERENCES blobs(name),
            image_size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            packed_by_server INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            group_id INTEGER NULL REFERENCES groups(id),
            firmware_id INTEGER NOT NULL REFERENCES firmware(id),
            wave_size INTEGER NOT NULL,
            failure_threshold_percent INTEGER NOT NULL,
            max_attempts INTEGER NOT NULL,
            flow TEXT NOT NULL,
            fumo_uri TEXT NOT NULL,
            note TEXT NULL,
            state TEXT NOT NULL,
            current_wave INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE campaign_devices (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            dev_id TEXT NOT NULL REFERENCES devices(dev_id) ON DELETE CASCADE,
            wave INTEGER NOT NULL,
            state TEXT NOT NULL,
            progress INTEGER NULL,
            result_code INTEGER NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            correlator TEXT NULL,
            first_command_id INTEGER NULL,
            detail TEXT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, dev_id)
        );
        CREATE INDEX ix_campaign_devices_dev ON campaign_devices(dev_id);
        """,
    ];
}
