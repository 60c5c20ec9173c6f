package dev.roster.server.operator;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.roster.server.common.Secrets;
import dev.roster.server.config.RosterProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The operator key that guards the management API: {@code ROSTER_ADMIN_API_KEY} when set, otherwise one
 * generated on first start whose hash is kept in the database.
 */
@Component
public class OperatorKeys {

    static final String PREFIX = "roster_admin_";
    private static final String GENERATED_KEY_ID = "generated";

    private static final Table<Record> OPERATOR_KEYS = table(name("operator_keys"));
    private static final Field<String> ID = field(name("operator_keys", "id"), String.class);
    private static final Field<String> KEY_HASH = field(name("operator_keys", "key_hash"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT =
            field(name("operator_keys", "created_at"), OffsetDateTime.class);

    private final DSLContext db;
    private final Clock clock;
    private final String configuredKeyHash;
    private volatile String generatedKeyHash;

    public OperatorKeys(DSLContext db, Clock clock, RosterProperties properties) {
        this.db = db;
        this.clock = clock;
        String configured = properties.adminApiKey();
        this.configuredKeyHash = configured == null || configured.isBlank() ? null : Secrets.hash(configured);
    }

    /**
     * Creates the generated key if none is configured or stored; returns it only to the one instance
     * that created it, so it is printed once.
     */
    public Optional<String> generateIfMissing() {
        if (configuredKeyHash != null) {
            return Optional.empty();
        }
        String candidate = Secrets.newSecret(PREFIX);
        int inserted = db.insertInto(OPERATOR_KEYS)
                .columns(ID, KEY_HASH, CREATED_AT)
                .values(GENERATED_KEY_ID, Secrets.hash(candidate), OffsetDateTime.now(clock))
                .onConflict(ID)
                .doNothing()
                .execute();
        return inserted == 1 ? Optional.of(candidate) : Optional.empty();
    }

    public boolean isValid(String presentedKey) {
        if (configuredKeyHash != null) {
            return Secrets.matches(presentedKey, configuredKeyHash);
        }
        String stored = generatedKeyHash;
        if (stored == null) {
            stored = db.select(KEY_HASH).from(OPERATOR_KEYS).where(ID.eq(GENERATED_KEY_ID)).fetchOne(KEY_HASH);
            if (stored == null) {
                return false;
            }
            generatedKeyHash = stored;
        }
        return Secrets.matches(presentedKey, stored);
    }
}
