package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CORS has one owner in AWS, API Gateway's cors_configuration; the function sends the same values for
 * bin/dr-local. Both must agree, and both must expose what the Mini App reads.
 */
class CorsConfigurationTest {

    /** Response headers a page may read without their being exposed (the Fetch standard's CORS-safelisted ones). */
    private static final Set<String> SAFELISTED = Set.of("cache-control", "content-language", "content-length", "content-type",
            "expires", "last-modified", "pragma");

    private final GatewayCors gateway = GatewayCors.fromTerraform();

    @Test
    void theFunctionSendsWhatTheGatewayIsConfiguredWith() {
        assertThat(GatewayCors.lower(Cors.ALLOW_METHODS)).isEqualTo(GatewayCors.lower(gateway.allowMethods()));
        assertThat(GatewayCors.lower(Cors.ALLOW_HEADERS)).isEqualTo(GatewayCors.lower(gateway.allowHeaders()));
        assertThat(GatewayCors.lower(Cors.EXPOSE_HEADERS)).isEqualTo(GatewayCors.lower(gateway.exposeHeaders()));
        assertThat(Cors.MAX_AGE_SECONDS).isEqualTo(gateway.maxAge());
    }

    @Test
    void theAllowedOriginsAreOneListForTheGatewayAndTheFunction() throws Exception {
        assertThat(gateway.allowOrigins()).isEqualTo("local.allowed_origins");
        String lambda = Files.readString(Path.of("../terraform/lambda.tf"));
        assertThat(lambda).containsPattern("ALLOWED_ORIGINS\\s*=\\s*join\\(\",\",\\s*local\\.allowed_origins\\)");
    }

    @Test
    void everyResponseHeaderTheMiniAppReadsIsExposedByBoth() throws Exception {
        String app = Files.readString(Path.of("../miniapp/src/main/resources/miniapp/app.js"));
        Matcher m = Pattern.compile("headers\\.get\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)").matcher(app);
        Set<String> read = new LinkedHashSet<>();
        while (m.find()) {
            read.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        read.removeAll(SAFELISTED);
        assertThat(read).contains("retry-after");
        assertThat(GatewayCors.lower(gateway.exposeHeaders())).containsAll(read);
        assertThat(GatewayCors.lower(Cors.EXPOSE_HEADERS)).containsAll(read);
        // and what the page sends is allowed
        assertThat(GatewayCors.lower(gateway.allowHeaders())).contains("x-telegram-init-data");
    }
}
