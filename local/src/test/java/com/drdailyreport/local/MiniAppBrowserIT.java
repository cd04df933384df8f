package com.drdailyreport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.drdailyreport.local.http.LocalHttpServer;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Mini App page in a real browser (Debian's headless Chromium through chromedriver, a phone's
 * 390 px and 360 px viewports) against the real API on a real database, served by
 * {@link LocalHttpServer}: the rankings render, the search box finds a ticker that has chart
 * patterns, its candlestick chart is drawn with one overlay per pattern the API returned and
 * visibly holds the pattern colours, the demo-data label shows, the narrative switches language,
 * the layout holds at 360 px, errors are friendly, the watchlist asks for Telegram in a browser and
 * works inside it (launched with signed initData and a theme, as Telegram launches it), and the
 * console has no errors (the Telegram SDK, which cannot load without internet, excepted).
 *
 * <p>Screenshots go to {@code local/target/miniapp-*.png}. Without {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} ({@code apt-get install -y chromium chromium-driver}) the test is
 * skipped, except in CI ({@code CI} set), where that is a failure. Nothing is downloaded: the
 * driver and browser paths are given explicitly, so Selenium Manager never runs.
 *
 * <p>Run: {@code mvn -B -pl local verify -Dit.test=MiniAppBrowserIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiniAppBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target");

    /** The overlay colours of app.js: bullish green, bearish red. */
    private static final Map<String, int[]> PATTERN_RGB = Map.of("bullish", new int[] {0x16, 0xa3, 0x4a}, "bearish", new int[] {0xdc, 0x26, 0x26});
    /** The candle colours of app.js (up, down). */
    private static final int[][] CANDLE_RGB = {{0x26, 0xa6, 0x9a}, {0xef, 0x53, 0x50}};

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Site site;
    private static ChromeDriver driver;
    private static Path profile;
    private static JsonNode report;

    /**
     * What the browser is pointed at.
     *
     * @param baseUrl             the page, e.g. {@code http://127.0.0.1:41234/}
     * @param tickerWithPatterns  a ticker whose report has at least one bullish or bearish chart pattern
     * @param rankedTickers       how many tickers have a report today (the trending tab lists them, up to 20)
     * @param tickerWithoutReport an active ticker with no report, or null when every one has one
     * @param staleTicker         a ticker whose newest report is from an earlier day (served marked stale), or null
     * @param botToken            the bot token the API checks Telegram initData with
     * @param shutdown            stops what was started for it
     */
    record Site(String baseUrl, String tickerWithPatterns, int rankedTickers, String tickerWithoutReport, String staleTicker,
                String botToken, Runnable shutdown)
            implements AutoCloseable {
        @Override
        public void close() {
            shutdown.run();
        }
    }

    /**
     * The system under test is the whole {@code local} system ({@link DrLocal#start}) on a fresh
     * schema, offline: its first pipeline run executes the workflow definition over the real
     * handlers and stores every ticker's report and patterns; the page is served by its HTTP
     * server. Two states the page must also show are then set up directly in the tables: one
     * ticker whose report is not generated yet, one whose newest report is yesterday's.
     */
    static Site startSite() throws InterruptedException {
        TestSchema db = TestDatabase.freshSchema("miniappbrowser");
        String botToken = "7512345678:AAE-browser-test-token";
        Map<String, String> env = new java.util.HashMap<>(LocalSystemIT.env(db));
        env.put("TELEGRAM_BOT_TOKEN", botToken);
        DrLocal.LocalSystem system = DrLocal.start(new DrLocal.Options(false, true, 0), env,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            if (system.firstRun() != null) {
                system.firstRun().join(180_000);
            }
            LocalDate today = BusinessClock.system().today();
            List<String> withDirectional = new java.util.ArrayList<>();
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT symbol, pattern_type, JSON_UNQUOTE(JSON_EXTRACT(pattern_data, '$.state'))"
                         + " FROM chart_pattern_data WHERE pattern_date = '" + today + "' ORDER BY symbol")) {
                while (rs.next()) {
                    boolean live = "forming".equals(rs.getString(3)) || "confirmed".equals(rs.getString(3));
                    if (live && PatternType.fromName(rs.getString(2)).direction() != PatternType.Direction.NEUTRAL
                            && !withDirectional.contains(rs.getString(1))) {
                        withDirectional.add(rs.getString(1));
                    }
                }
            }
            // offline, AAPL19 has real 2013 bars and every other ticker demo prices: the page is checked on a demo one
            List<String> demoWithDirectional = withDirectional.stream().filter(sym -> !"AAPL19".equals(sym)).toList();
            assertThat(demoWithDirectional).as("the local run stored live directional chart patterns for some demo tickers").isNotEmpty();
            String withPatterns = demoWithDirectional.getFirst();
            List<String> others = new TickerRepository(db.dataSource()).findActive().stream().map(Ticker::drSymbol)
                    .filter(sym -> !withDirectional.contains(sym)).toList();
            String stale = others.get(0);
            String withoutReport = others.get(1);
            db.execute("DELETE FROM precomputed_reports WHERE symbol = '" + withoutReport + "'");
            db.execute("UPDATE precomputed_reports SET report_date = '" + today.minusDays(1) + "' WHERE symbol = '" + stale + "'");
            db.execute("UPDATE chart_pattern_data SET pattern_date = '" + today.minusDays(1) + "' WHERE symbol = '" + stale + "'");
            int ranked = db.count("precomputed_reports", "report_date = '" + today + "' AND status = 'completed'");
            return new Site("http://127.0.0.1:" + system.port() + "/", withPatterns, ranked, withoutReport, stale, botToken, () -> {
                system.close();
                db.close();
            });
        } catch (java.sql.SQLException | RuntimeException e) {
            system.close();
            db.close();
            throw new IllegalStateException("could not prepare the local system: " + e.getMessage(), e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        site = startSite();
        report = Json.read(get("api/v1/report/" + site.tickerWithPatterns()));
        assertThat(report.path("chart_patterns").size()).as("the chosen ticker's report has patterns").isPositive();

        profile = Files.createTempDirectory("miniapp-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=390,844", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        phoneScreen(390, 844);
    }

    /**
     * A phone's viewport of exactly {@code width} × {@code height} CSS pixels (DevTools device
     * emulation: a desktop window cannot be narrower than about 500 px, a phone is). A page
     * without a viewport meta tag would still be laid out 980 px wide, as on a phone.
     */
    private static void phoneScreen(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (site != null) {
            site.close();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(9)
    void aLinkWithATickerOpensItsReport() throws IOException {
        // the LINE card's button opens MINIAPP_URL?ticker=…
        phoneScreen(390, 844);
        driver.get(site.baseUrl() + "?ticker=" + site.tickerWithPatterns().toLowerCase(java.util.Locale.ROOT));
        awaitChartDrawn("miniapp-chart-from-link-390.png");
        assertThat(driver.getCurrentUrl()).endsWith("#/ticker/" + site.tickerWithPatterns());
    }

    /** Skips outside CI when the browser is missing; fails in CI, where it must be installed. */
    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "MiniAppBrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail(message + " — CI is set, so a missing browser is a failure");
        }
        Assumptions.abort(message + " — skipped outside CI");
    }

    // ------------------------------------------------------------------ the screens

    @Test
    @Order(1)
    void theRankingsRender() throws Exception {
        driver.get(site.baseUrl());
        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(390);
        WebDriverWait wait = waiter();
        wait.until(d -> d.findElement(By.id("ranking-list")).getAttribute("aria-busy") == null);

        driver.findElement(By.cssSelector("button[data-category='trending']")).click();
        wait.until(d -> "trending".equals(d.findElement(By.id("ranking-list")).getAttribute("data-category"))
                && !d.findElements(By.cssSelector("#ranking-list a.row[data-ticker]")).isEmpty());
        List<WebElement> rows = driver.findElements(By.cssSelector("#ranking-list a.row[data-ticker]"));
        assertThat(rows).hasSize(Math.min(20, site.rankedTickers()));
        assertThat(rows.getFirst().getText()).matches("(?s).*[A-Z0-9]+19.*");
        assertThat(driver.findElement(By.id("ranking-meta")).getText()).startsWith("ข้อมูล ณ");
        // offline, every ticker but AAPL19 (real 2013 bars) has demo prices: flagged as on the report page
        assertThat(driver.findElement(By.id("ranking-demo-badge")).getText()).isEqualTo("ข้อมูลตัวอย่าง (demo) — ไม่ใช่ราคาจริง");
        for (WebElement row : rows) {
            boolean flagged = !row.findElements(By.cssSelector(".badge.demo")).isEmpty();
            assertThat(flagged).as("demo flag on the row of %s", row.getAttribute("data-ticker"))
                    .isEqualTo(!"AAPL19".equals(row.getAttribute("data-ticker")));
        }
        assertNoHorizontalScroll();
        screenshot("miniapp-home-390.png");
    }

    @Test
    @Order(2)
    void searchOpensTheTickerAndItsChartShowsEveryPattern() throws Exception {
        String ticker = site.tickerWithPatterns();
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(ticker.substring(0, ticker.length() - 1)); // a prefix: autocomplete must find it
        By option = By.cssSelector("#search-results li[data-ticker='" + ticker + "']");
        waiter().until(ExpectedConditions.elementToBeClickable(option)).click();

        waiter().until(d -> d.getCurrentUrl().endsWith("#/ticker/" + ticker));
        WebElement chart = awaitChartDrawn("miniapp-chart-drawn-390.png");

        int expected = report.path("chart_patterns").size();
        assertThat(chart.getAttribute("data-patterns-drawn")).isEqualTo(String.valueOf(expected));
        assertThat(driver.findElements(By.cssSelector("#pattern-list li"))).hasSize(expected);
        // each pattern's lifecycle badge and its type's track record (demo prices: demo statistics)
        for (WebElement item : driver.findElements(By.cssSelector("#pattern-list li"))) {
            assertThat(item.findElement(By.cssSelector(".badge.state")).getText()).isNotBlank();
            assertThat(item.findElement(By.cssSelector(".pattern-record")).getText()).startsWith("สถิติย้อนหลัง: สถิติจากข้อมูลตัวอย่าง");
        }
        assertThat(driver.findElement(By.cssSelector("article.ticker h1")).getText()).isEqualTo(ticker);
        assertThat(driver.findElement(By.id("demo-badge")).isDisplayed()).as("demo prices are labelled").isTrue();
        assertThat(driver.findElement(By.id("stance")).getText()).startsWith("มุมมอง:");
        assertThat(driver.findElements(By.id("stale-notice"))).as("today's report is not stale").isEmpty();

        assertChartShowsPatternColours(chart, "miniapp-chart-390.png");
        screenshot("miniapp-ticker-390.png");
        fullPageScreenshot("miniapp-ticker-390-full.png");
    }

    @Test
    @Order(3)
    void theNarrativeSwitchesBetweenThaiAndEnglish() {
        WebElement narrative = driver.findElement(By.id("narrative"));
        String thai = narrative.getText();
        assertThat(thai).contains(firstWords(report.path("narrative_report").asText()));

        driver.findElement(By.cssSelector("button[data-lang='en']")).click();
        waiter().until(d -> d.findElement(By.id("narrative")).getText().contains(firstWords(report.path("narrative_report_en").asText())));
        assertThat(driver.findElement(By.id("narrative")).getAttribute("lang")).isEqualTo("en");

        driver.findElement(By.cssSelector("button[data-lang='th']")).click();
        waiter().until(d -> d.findElement(By.id("narrative")).getText().contains(firstWords(report.path("narrative_report").asText())));
    }

    @Test
    @Order(4)
    void theTickerScreenFitsA360PixelScreen() throws Exception {
        phoneScreen(360, 780);
        waiter().until(d -> ((Number) js("return window.innerWidth")).intValue() == 360);
        WebElement chart = driver.findElement(By.id("price-chart"));
        // the chart follows its box: its canvas is as wide as the container
        waiter().until(d -> {
            Number canvas = (Number) js("var c = document.querySelector('#price-chart canvas'); return c ? c.getBoundingClientRect().width : 0");
            Number box = (Number) js("return document.getElementById('price-chart').clientWidth");
            return canvas.intValue() > 0 && Math.abs(canvas.intValue() - box.intValue()) <= 1;
        });
        assertThat(((Number) js("return document.getElementById('price-chart').clientWidth")).intValue()).isLessThanOrEqualTo(360);
        assertNoHorizontalScroll();
        assertChartShowsPatternColours(chart, "miniapp-chart-360.png");
        screenshot("miniapp-ticker-360.png");
        fullPageScreenshot("miniapp-ticker-360-full.png");
    }

    @Test
    @Order(5)
    void theConsoleHasNoErrorsBesidesTheTelegramSdk() {
        assertThat(severeConsoleErrors(List.of("telegram.org"))).isEmpty();
    }

    @Test
    @Order(6)
    void anUnknownTickerShowsSuggestionsAMissingReportTheNextRunAndAnOldReportItsDate() throws Exception {
        phoneScreen(390, 844);
        driver.get(site.baseUrl() + "#/ticker/" + site.tickerWithPatterns().substring(0, 3) + "X19");
        WebElement error = waiter().until(d -> d.findElement(By.cssSelector(".error-box[data-error-code='TICKER_NOT_FOUND']")));
        assertThat(error.getText()).contains("ไม่พบหุ้น");

        if (site.tickerWithoutReport() != null) {
            driver.get(site.baseUrl() + "#/ticker/" + site.tickerWithoutReport());
            WebElement notReady = waiter().until(d -> d.findElement(By.cssSelector(".error-box[data-error-code='REPORT_NOT_READY']")));
            assertThat(notReady.getText()).contains("ยังไม่มีรายงานของ " + site.tickerWithoutReport()).contains("รอบถัดไป").contains("05:00");
        }
        if (site.staleTicker() != null) {
            driver.get(site.baseUrl() + "#/ticker/" + site.staleTicker());
            WebElement notice = waiter().until(d -> d.findElement(By.id("stale-notice")));
            JsonNode stale = Json.read(get("api/v1/report/" + site.staleTicker()));
            assertThat(stale.path("is_stale").asBoolean()).isTrue();
            String day = String.valueOf(LocalDate.parse(stale.path("report_date").asText()).getDayOfMonth());
            assertThat(notice.getText()).contains("รายงานนี้เป็นของวันที่ " + day).contains("ยังไม่พร้อม");
            awaitChartDrawn("miniapp-chart-stale-390.png");
        }
        // the two 404 answers above are the only console errors these screens may add
        assertThat(severeConsoleErrors(List.of("telegram.org", "/api/v1/report/"))).isEmpty();
    }

    @Test
    @Order(7)
    void outsideTelegramTheWatchlistAsksToOpenTheAppThere() {
        driver.get(site.baseUrl() + "#/watchlist");
        WebElement notice = waiter().until(d -> d.findElement(By.id("open-in-telegram")));
        assertThat(notice.getText()).contains("เปิดใน Telegram");
        assertThat(severeConsoleErrors(List.of("telegram.org"))).isEmpty();
    }

    @Test
    @Order(8)
    void insideTelegramTheWatchlistAddsAndRemovesWithSignedInitData() {
        // Telegram opens the page with its launch parameters in the hash: signed initData and the theme
        String theme = "{\"bg_color\":\"#17212b\",\"text_color\":\"#f5f5f5\",\"hint_color\":\"#708499\",\"link_color\":\"#6ab3f3\","
                + "\"button_color\":\"#5288c1\",\"button_text_color\":\"#ffffff\",\"secondary_bg_color\":\"#232e3c\"}";
        String launch = "#tgWebAppData=" + encode(signedInitData(site.botToken(), 279058397L)) + "&tgWebAppVersion=7.0"
                + "&tgWebAppPlatform=android&tgWebAppThemeParams=" + encode(theme);
        driver.get("about:blank");
        driver.get(site.baseUrl() + launch);
        waiter().until(d -> !d.findElements(By.cssSelector("#ranking-list[data-category]:not([aria-busy])")).isEmpty());
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).as("the Telegram theme").isEqualTo("rgb(23, 33, 43)");

        String ticker = site.tickerWithPatterns();
        js("location.hash = arguments[0]", "#/ticker/" + ticker);
        By button = By.cssSelector("#watchlist-action button");
        waiter().until(d -> d.findElement(button).getText().contains("เพิ่มในรายการโปรด"));
        driver.findElement(button).click();
        waiter().until(d -> d.findElement(button).getText().contains("อยู่ในรายการโปรด"));

        driver.findElement(By.cssSelector("a[data-nav='watchlist']")).click();
        By row = By.cssSelector("#watchlist-list a[data-ticker='" + ticker + "']");
        waiter().until(d -> !d.findElements(row).isEmpty());
        driver.findElement(By.cssSelector("#watchlist-list li button")).click();
        waiter().until(d -> d.findElements(row).isEmpty());

        // what the server now holds: an empty list
        js("location.hash = '#/'");
        waiter().until(d -> !d.findElements(By.id("ranking-list")).isEmpty());
        js("location.hash = '#/watchlist'");
        waiter().until(d -> !d.findElements(By.cssSelector(".watchlist .empty")).isEmpty());
        assertThat(driver.findElements(By.id("open-in-telegram"))).isEmpty();
        assertThat(severeConsoleErrors(List.of("telegram.org"))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** Telegram's initData for a user, signed as Telegram signs it (HMAC-SHA256 keyed by HMAC("WebAppData", bot token)). */
    private static String signedInitData(String botToken, long userId) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("auth_date", String.valueOf(Instant.now().getEpochSecond() - 30));
        fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Somchai\",\"language_code\":\"th\"}");
        StringBuilder checkString = new StringBuilder();
        fields.forEach((k, v) -> checkString.append(checkString.isEmpty() ? "" : "\n").append(k).append('=').append(v));
        byte[] secret = hmacSha256("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        fields.put("hash", HexFormat.of().formatHex(hmacSha256(secret, checkString.toString().getBytes(StandardCharsets.UTF_8))));
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Waits until the ticker screen's chart is either drawn or has given up, and asserts it was
     * drawn: no error box in its place ("แสดงกราฟไม่ได้ …", e.g. when the chart library did not load),
     * a canvas, and on screen a good share of pixels that are not the chart's background. Keeps the
     * screenshot in {@code target/}.
     */
    private static WebElement awaitChartDrawn(String screenshotName) throws IOException {
        WebElement chart = waiter().until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector("#price-chart[data-ready='true'], #price-chart.chart-error"));
            return done.isEmpty() ? null : done.getFirst();
        });
        js("arguments[0].scrollIntoView({block: 'center'})", chart);
        byte[] png = chart.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(screenshotName), png);

        assertThat(chart.getAttribute("class")).as("the chart box, not the error in its place: " + chart.getText()).doesNotContain("chart-error");
        assertThat(chart.findElements(By.cssSelector(".error-box, p"))).as("messages inside the chart box").isEmpty();
        assertThat(chart.findElements(By.tagName("canvas"))).as("the chart's canvas").isNotEmpty();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int background = mostCommonColour(image);
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(image.getRGB(x, y), background) > 40) {
                    drawn++;
                }
            }
        }
        assertThat(drawn).as("pixels other than the background in the %dx%d chart", image.getWidth(), image.getHeight())
                .isGreaterThan((long) image.getWidth() * image.getHeight() / 20);
        return chart;
    }

    private static int mostCommonColour(BufferedImage image) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return (int) Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /**
     * The chart as it appears on screen holds pixels of the overlay colour of every pattern
     * direction present (bullish green, bearish red) and of the candles — a blank or
     * candles-only chart fails.
     */
    private static void assertChartShowsPatternColours(WebElement chart, String screenshotName) throws IOException {
        js("arguments[0].scrollIntoView({block: 'center'})", chart);
        byte[] png = chart.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(screenshotName), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<String> directions = new HashSet<>();
        // a pattern that ended is drawn grey; a live one in its direction's colour
        report.path("chart_patterns").forEach(p -> directions.add(p.path("live").asBoolean() ? p.path("direction").asText() : "ended"));
        directions.retainAll(PATTERN_RGB.keySet());
        assertThat(directions).as("the chosen report has a bullish or bearish pattern").isNotEmpty();
        for (String direction : directions) {
            assertThat(countNear(image, PATTERN_RGB.get(direction), 36))
                    .as("pixels of the %s overlay colour in the %dx%d chart", direction, image.getWidth(), image.getHeight())
                    .isGreaterThan(40);
        }
        assertThat(countNear(image, CANDLE_RGB[0], 36) + countNear(image, CANDLE_RGB[1], 36)).as("candle pixels").isGreaterThan(200);
    }

    private static int countNear(BufferedImage image, int[] rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xff) - rgb[0];
                int dg = ((p >> 8) & 0xff) - rgb[1];
                int db = (p & 0xff) - rgb[2];
                if (dr * dr + dg * dg + db * db <= tolerance * tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void assertNoHorizontalScroll() {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number inner = (Number) js("return window.innerWidth");
        assertThat(scroll.intValue()).as("page width at a %d px viewport", inner.intValue()).isLessThanOrEqualTo(inner.intValue());
    }

    /** SEVERE browser console entries since the last call, except those mentioning one of {@code allowed}. */
    private static List<String> severeConsoleErrors(List<String> allowed) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && allowed.stream().noneMatch(a -> entry.getMessage().contains(a))) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static String firstWords(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait waiter() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        js("window.scrollTo(0, 0)");
        Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, not only the viewport (Chrome DevTools' beyond-viewport capture). */
    private static void fullPageScreenshot(String name) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
