package dev.roster.server.webhook;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
class GeneratedSecretKeyRepository {

    private static final Table<Record> KEYS = table(name("generated_secret_key"));
    private static final Field<Integer> ID = field(name("generated_secret_key", "id"), Integer.class);
    private static final Field<String> KEY = field(name("generated_secret_key", "key_base64"), String.class);
    private static final int THE_KEY = 1;

    private final DSLContext db;

    GeneratedSecretKeyRepository(DSLContext db) {
        this.db = db;
    }

    /** The stored key; {@code candidate} is stored first if there is none, and then {@code onInsert} runs. */
    String findOrInsert(String candidate, Runnable onInsert) {
        // on conflict do nothing: two instances starting together keep one key, the first one committed
        int inserted = db.insertInto(KEYS).columns(ID, KEY).values(THE_KEY, candidate).onConflict(ID).doNothing()
                .execute();
        if (inserted == 1) {
            onInsert.run();
        }
        return db.select(KEY).from(KEYS).where(ID.eq(THE_KEY)).fetchSingle(KEY);
    }
}
