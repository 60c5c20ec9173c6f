package dev.roster.server.config;

import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ without generated code: plain names, so one set of table names works on H2 and PostgreSQL; no
 * per-statement logging or warning fetches on the hot path. Repositories are plain components: jOOQ's
 * listener already translates SQL exceptions, so the proxy that {@code @Repository} adds would only cost.
 */
@Configuration(proxyBeanMethods = false)
class JooqSettingsConfiguration {

    @Bean
    DefaultConfigurationCustomizer rosterJooqSettings() {
        return configuration -> configuration.settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false)
                .withFetchWarnings(false);
    }
}
