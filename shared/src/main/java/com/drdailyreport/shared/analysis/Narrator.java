package com.drdailyreport.shared.analysis;

/** Writes a report's narrative from its facts. Implementations never throw for bad facts: they degrade. */
public interface Narrator {

    Narrative narrate(ReportFacts facts);
}
