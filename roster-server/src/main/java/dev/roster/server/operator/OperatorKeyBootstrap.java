package dev.roster.server.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Prints a generated operator key once, on the first start without {@code ROSTER_ADMIN_API_KEY}. */
@Component
class OperatorKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorKeyBootstrap.class);

    private final OperatorKeys operatorKeys;

    OperatorKeyBootstrap(OperatorKeys operatorKeys) {
        this.operatorKeys = operatorKeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        operatorKeys.generateIfMissing().ifPresent(key -> System.out.printf("""

                Roster generated an operator key for the management API. It is shown only now; store it safely:

                    %s

                Use it as "Authorization: Bearer <key>" on /api/v1. Set ROSTER_ADMIN_API_KEY to choose your own.

                """, key));
        log.debug("operator key bootstrap done");
    }
}
