package com.drdailyreport.shared.market;

import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.time.BusinessClock;

/** The price source named by PRICE_SOURCE: {@code demo} (synthetic, offline) — more sources are added with their clients. */
public final class PriceSources {

    private PriceSources() {
    }

    public static PriceSource fromEnvironment(EnvironmentReader env) {
        String spec = env.optional("PRICE_SOURCE", "demo");
        if (spec.equals("demo")) {
            return new DemoPriceSource(BusinessClock.system());
        }
        env.invalid("PRICE_SOURCE", "must be demo, was '" + spec + "'");
        return null;
    }
}
