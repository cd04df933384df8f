package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportJobTest {

    @Test
    void jobIdsAreRptPlusTwelveLowercaseHexDigitsAndDistinct() {
        Random random = new Random(7);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = ReportJob.newJobId(random);
            assertThat(id).matches("rpt_[0-9a-f]{12}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void recognisesTheShapeOfAJobId() {
        assertThat(ReportJob.isValidJobId("rpt_0123456789ab")).isTrue();
        assertThat(ReportJob.isValidJobId("rpt_0123456789AB")).isFalse();
        assertThat(ReportJob.isValidJobId("rpt_0123")).isFalse();
        assertThat(ReportJob.isValidJobId("cached_NVDA_1")).isFalse();
        assertThat(ReportJob.isValidJobId(null)).isFalse();
    }
}
