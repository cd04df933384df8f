package com.drdailyreport.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The test fixture's own embedded MariaDB runs with grants off, so it must listen on loopback only. */
class TestDatabaseIT {

    @Test
    void theEmbeddedServerListensOnLoopbackOnly() {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
        try (TestSchema schema = TestDatabase.freshSchema("listen")) {
            Assumptions.assumeTrue(TestDatabase.description().contains("embedded"),
                    "the tests use " + TestDatabase.description() + ", not the embedded server");
            int port = URI.create(schema.url().substring("jdbc:".length())).getPort();

            assertThat(ListeningSockets.addressesListeningOn(port)).as("addresses listening on port %d", port)
                    .isNotEmpty()
                    .allSatisfy(address -> assertThat(address.isLoopbackAddress()).as(address.toString()).isTrue())
                    .contains(InetAddress.getLoopbackAddress());
        }
    }
}
