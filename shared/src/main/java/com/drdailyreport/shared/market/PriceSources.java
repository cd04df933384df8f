package com.drdailyreport.shared.market;

import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.time.BusinessClock;
import java.net.URI;
import java.nio.file.Path;

/**
 * The price source PRICE_SOURCE names: {@code yahoo} (the default; YAHOO_BASE_URL overrides the
 * host), {@code csv:DIR} (files, offline) or {@code demo} (synthetic, offline, labelled as demo data).
 */
public final class PriceSources {

    private PriceSources() {
    }

    /** The configured source; an unknown value is recorded as invalid in {@code env} (and null returned). */
    public static PriceSource fromEnvironment(EnvironmentReader env) {
        String spec = env.optional("PRICE_SOURCE", "yahoo");
        if (spec.equals("yahoo")) {
            YahooChartClient.Settings settings = YahooChartClient.Settings.defaults();
            String base = env.optional("YAHOO_BASE_URL", null);
            return new YahooChartClient(base == null ? settings : settings.withBaseUrl(URI.create(base)));
        }
        if (spec.equals("demo")) {
            return new DemoPriceSource(BusinessClock.system());
        }
        if (spec.startsWith("csv:") && spec.length() > 4) {
            return new CsvPriceSource(Path.of(spec.substring(4)));
        }
        env.invalid("PRICE_SOURCE", "must be yahoo, demo or csv:DIRECTORY, was '" + spec + "'");
        return null;
    }
}
