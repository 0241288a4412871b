using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Storage.Sqlite;

/// <summary>Creates and migrates the schema at start. Each step runs once, in order, recorded in schema_version.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE conversations (
            conversation_key TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            state_json TEXT NOT NULL,
            last_inbound_at INTEGER NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            dedupe_key TEXT NOT NULL UNIQUE,
            conversation_key TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            payload TEXT NULL,
            status INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            completed_at INTEGER NULL
        );
        CREATE INDEX ix_inbox_pending ON inbox(seq) WHERE status = 0;
        CREATE INDEX ix_inbox_conversation_pending ON inbox(conversation_key, seq) WHERE status = 0;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            recipient TEXT NOT NULL,
            message TEXT NOT NULL,
            locale TEXT NOT NULL,
            inbound_dedupe_key TEXT NULL,
            status INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            channel_message_id TEXT NULL,
            delivery_state INTEGER NULL,
            error_code TEXT NULL,
            reason TEXT NULL,
            sent_at INTEGER NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX ix_outbox_conversation_pending ON outbox(conversation_key, id) WHERE status = 0;
        CREATE INDEX ix_outbox_due ON outbox(next_attempt_at, id) WHERE status = 0;
        CREATE INDEX ix_outbox_conversation ON outbox(conversation_key, id);
        CREATE UNIQUE INDEX ix_outbox_channel_message ON outbox(channel_message_id) WHERE channel_message_id IS NOT NULL;
        CREATE INDEX ix_outbox_inbound ON outbox(inbound_dedupe_key) WHERE inbound_dedupe_key IS NOT NULL;
        CREATE TABLE recipient_flags (
            conversation_key TEXT NOT NULL,
            effect TEXT NOT NULL,
            reason TEXT NOT NULL,
            set_at INTEGER NOT NULL,
            PRIMARY KEY (conversation_key, effect)
        );
        """,
        """
        CREATE TABLE staff (
            username TEXT PRIMARY KEY COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            available INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE staff_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            username TEXT NOT NULL,
            action TEXT NOT NULL,
            conversation_hash TEXT NULL
        );
        CREATE INDEX ix_staff_audit_conversation ON staff_audit(conversation_hash, id);
        CREATE TABLE transcript (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            entry_key TEXT NOT NULL UNIQUE,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            staff TEXT NULL,
            text TEXT NOT NULL,
            masked_text TEXT NOT NULL,
            masked INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_transcript_conversation ON transcript(conversation_key, id);
        CREATE INDEX ix_transcript_at ON transcript(at);
        CREATE TABLE handoff_ratings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            staff TEXT NULL,
            rating INTEGER NOT NULL,
            comment TEXT NULL,
            at INTEGER NOT NULL
        );
        """,
        """
        ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE staff_audit ADD COLUMN target TEXT NULL;
        """,
        """
        CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE consent_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            address_hash TEXT NOT NULL,
            purpose TEXT NOT NULL,
            action TEXT NOT NULL,
            at INTEGER NOT NULL,
            source TEXT NOT NULL,
            actor TEXT NOT NULL,
            wording TEXT NULL,
            wording_version TEXT NULL,
            language TEXT NULL
        );
        CREATE INDEX ix_consent_address ON consent_events(address_hash, purpose, id);
        CREATE INDEX ix_consent_purpose ON consent_events(purpose, address_hash, id);
        CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
        CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
        """,
        """
        CREATE TABLE notice_subscribers (conversation_key TEXT PRIMARY KEY, since INTEGER NOT NULL);
        CREATE TABLE notice_digests (
            id TEXT PRIMARY KEY,
            conversation_key TEXT NOT NULL,
            run_id TEXT NOT NULL,
            planned_at INTEGER NOT NULL,
            delivered INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_notice_digests_conversation ON notice_digests(conversation_key, planned_at);
        CREATE INDEX ix_notice_digests_undelivered ON notice_digests(planned_at) WHERE delivered = 0;
        CREATE TABLE notices (
            conversation_key TEXT NOT NULL,
            notice_key TEXT NOT NULL,
            digest_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            patron_id TEXT NOT NULL,
            detail TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NULL,
            planned_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (conversation_key, notice_key)
        );
        CREATE INDEX ix_notices_digest ON notices(digest_id);
        CREATE INDEX ix_notices_planned ON notices(planned_at);
        CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until INTEGER NOT NULL);
        """,
        """
        ALTER TABLE outbox ADD COLUMN trace_parent TEXT NULL;
        """,
        """
        CREATE TABLE broadcast_subscribers (conversation_key TEXT PRIMARY KEY, since INTEGER NOT NULL);
        CREATE TABLE broadcasts (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            send_at INTEGER NULL,
            created_at INTEGER NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX ix_broadcasts_created ON broadcasts(created_at, id);
        CREATE INDEX ix_broadcasts_status ON broadcasts(status, send_at);
        CREATE TABLE broadcast_recipients (
            seq INTEGER PRIMARY KEY,
            broadcast_id TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            channel TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NULL,
            updated_at INTEGER NOT NULL,
            opted_out_at INTEGER NULL,
            UNIQUE (broadcast_id, conversation_key)
        );
        CREATE INDEX ix_broadcast_recipients_order ON broadcast_recipients(broadcast_id, seq);
        CREATE INDEX ix_broadcast_recipients_pending ON broadcast_recipients(broadcast_id, seq) WHERE status = 'Pending';
        CREATE INDEX ix_broadcast_recipients_sent ON broadcast_recipients(conversation_key, updated_at) WHERE status IN ('Queued', 'MassSend');
        CREATE TABLE broadcast_mass_sends (
            broadcast_id TEXT NOT NULL,
            client_msg_id TEXT NOT NULL,
            msg_id TEXT NULL,
            recipients INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            finish_status TEXT NULL,
            sent_count INTEGER NULL,
            error_count INTEGER NULL,
            filter_count INTEGER NULL,
            PRIMARY KEY (broadcast_id, client_msg_id)
        );
        CREATE INDEX ix_broadcast_mass_sends_msg ON broadcast_mass_sends(msg_id) WHERE msg_id IS NOT NULL;
        """,
        // Each conversation's oldest pending reply is marked its head, kept so by triggers whoever writes the outbox, so
        // a dispatcher's claim reads the heads that are due (an index of its own) however many replies wait behind them.
        """
        ALTER TABLE outbox ADD COLUMN head INTEGER NOT NULL DEFAULT 0;
        UPDATE outbox SET head = 1 WHERE status = 0
          AND id = (SELECT MIN(p.id) FROM outbox p WHERE p.conversation_key = outbox.conversation_key AND p.status = 0);
        CREATE INDEX ix_outbox_head_due ON outbox(next_attempt_at, id) WHERE status = 0 AND head = 1;
        CREATE TRIGGER outbox_head_on_insert AFTER INSERT ON outbox WHEN NEW.status = 0
          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.conversation_key = NEW.conversation_key AND p.status = 0 AND p.id < NEW.id)
        BEGIN
          UPDATE outbox SET head = 0 WHERE conversation_key = NEW.conversation_key AND status = 0 AND head = 1;
          UPDATE outbox SET head = 1 WHERE id = NEW.id;
        END;
        CREATE TRIGGER outbox_head_on_status AFTER UPDATE OF status ON outbox WHEN (OLD.status = 0) <> (NEW.status = 0)
        BEGIN
          UPDATE outbox SET head = 0 WHERE id = NEW.id AND head = 1;
          UPDATE outbox SET head = 0 WHERE conversation_key = NEW.conversation_key AND status = 0 AND head = 1;
          UPDATE outbox SET head = 1 WHERE id = (SELECT MIN(p.id) FROM outbox p WHERE p.conversation_key = NEW.conversation_key AND p.status = 0);
        END;
        CREATE TRIGGER outbox_head_on_delete AFTER DELETE ON outbox WHEN OLD.head = 1
        BEGIN
          UPDATE outbox SET head = 1 WHERE id = (SELECT MIN(p.id) FROM outbox p WHERE p.conversation_key = OLD.conversation_key AND p.status = 0);
        END;
        """,
    ];

    /// <summary>The schema version this build migrates to (the highest row of <c>schema_version</c>).</summary>
    public static int Version => Steps.Length;

    /// <summary>Tables every version has; a file without them is not a LibraryBot store.</summary>
    public static IReadOnlyList<string> CoreTables { get; } = ["schema_version", "conversations", "inbox", "outbox"];

    public static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = current; step < Steps.Length; step++)
        {
            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = Steps[step] + $"\nINSERT INTO schema_version (version) VALUES ({step + 1});";
            apply.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
