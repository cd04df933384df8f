package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportJobRetentionTest {

    @Test
    void aJobIsDeclaredLostOnlyAfterTheReportWorkerItselfWouldHaveTimedOut() throws Exception {
        JsonNode manifest = Json.read(Files.readString(Path.of("../deploy/functions.json")));
        Duration workerTimeout = null;
        for (JsonNode function : manifest.get("functions")) {
            if (function.get("name").asText().equals("report-worker")) {
                workerTimeout = Duration.ofSeconds(function.get("timeout_seconds").asInt());
            }
        }
        assertThat(workerTimeout).isNotNull();
        // a job still running at STALE_AFTER cannot have a live worker any more
        assertThat(ReportJob.STALE_AFTER).isGreaterThan(workerTimeout);
        // finished jobs stay readable for a while, but not for ever
        assertThat(ReportJobRetention.RETENTION).isBetween(Duration.ofDays(1), Duration.ofDays(31));
    }
}
