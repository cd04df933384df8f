package com.drdailyreport.shared.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicator values over the 252 AAPL bars of 2013 computed by libraries nobody here wrote, read
 * from {@code src/test/resources/reference/}: R's TTR (R 4.2.2, TTR 0.24.3 from Debian; written by
 * {@code src/test/reference/ttr-reference.R}) and TA-Lib's C code through the npm package talib
 * 2.0.5 (written by {@code src/test/reference/talib-reference.js}); each script's header says how
 * to run it, and the tests need neither at run time. NaN where the library has no value.
 */
final class ReferenceValues {

    private final String resource;
    private final List<String> dates = new ArrayList<>();
    private final Map<String, double[]> columns = new HashMap<>();

    private ReferenceValues(String resource) {
        this.resource = resource;
    }

    /** TTR: rsi_14, atr_14, macd, macd_signal, macd_histogram, bb_upper, bb_middle, bb_lower, volatility_30d, volatility_90d, vwap_20. */
    static ReferenceValues ttr() {
        return read("reference/aapl2013-ttr.csv");
    }

    /** TA-Lib: rsi_14, atr_14, bb_upper, bb_middle, bb_lower, macd, macd_signal, macd_histogram. */
    static ReferenceValues talib() {
        return read("reference/aapl2013-talib.csv");
    }

    private static ReferenceValues read(String resource) {
        ReferenceValues ref = new ReferenceValues(resource);
        try (InputStream in = ReferenceValues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = null;
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = line.split(",");
                } else {
                    rows.add(line.split(","));
                }
            }
            for (int c = 1; c < header.length; c++) {
                double[] values = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    String cell = rows.get(r)[c];
                    values[r] = "NA".equals(cell) ? Double.NaN : Double.parseDouble(cell);
                }
                ref.columns.put(header[c], values);
            }
            rows.forEach(row -> ref.dates.add(row[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ref;
    }

    double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no column " + name + " in " + resource);
        }
        return values;
    }

    String date(int index) {
        return dates.get(index);
    }

    int size() {
        return dates.size();
    }
}
