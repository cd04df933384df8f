package com.drdailyreport.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TickerRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionParserTest {

    private static final TickerRegistry REGISTRY = new TickerRegistry(List.of(
            ticker(1, "NVDA19", "NVDA", "NVIDIA"),
            ticker(2, "DBS19", "D05.SI", "DBS Group Holdings"),
            ticker(3, "NOW19", "NOW", "ServiceNow"),
            ticker(4, "THAIBEV19", "Y92.SI", "Thai Beverage"),
            ticker(5, "AAPL19", "AAPL", "Apple"),
            ticker(6, "GOLD19", "GSD.SI", null),
            ticker(7, "MSFT19", "MSFT", "Microsoft")));

    private static Ticker ticker(int id, String dr, String yahoo, String name) {
        return new Ticker(id, dr, yahoo, name, "X", "USD", null, "EQUITY", true);
    }

    private static List<String> symbols(String text) {
        MentionParser.Intent intent = MentionParser.parse(text, REGISTRY);
        assertThat(intent).isInstanceOf(MentionParser.Tickers.class);
        return ((MentionParser.Tickers) intent).tickers().stream().map(Ticker::drSymbol).toList();
    }

    @Test
    void helpWordsInThaiAndEnglish() {
        for (String help : List.of("help", " HELP ", "ช่วยเหลือ", "วิธีใช้", "/start")) {
            assertThat(MentionParser.parse(help, REGISTRY)).isInstanceOf(MentionParser.Help.class);
        }
    }

    @Test
    void symbolsInsideThaiTextWithoutSpaces() {
        assertThat(symbols("ขอดูNVDA19หน่อยครับ")).containsExactly("NVDA19");
        assertThat(symbols("ราคา D05.SI วันนี้")).containsExactly("DBS19");
    }

    @Test
    void everyKindOfNameResolves() {
        assertThat(symbols("nvda19")).containsExactly("NVDA19");
        assertThat(symbols("NVDA")).containsExactly("NVDA19");
        assertThat(symbols("DBS")).containsExactly("DBS19");
        assertThat(symbols("Apple")).containsExactly("AAPL19");
        assertThat(symbols("thai beverage")).containsExactly("THAIBEV19");
        assertThat(symbols("ขอดู thai beverage กับ MSFT")).containsExactly("THAIBEV19", "MSFT19");
    }

    @Test
    void severalTickersInOrderWithoutRepeats() {
        assertThat(symbols("AAPL19 nvda19, AAPL19 และ MSFT19")).containsExactly("AAPL19", "NVDA19", "MSFT19");
    }

    @Test
    void everydayWordsInASentenceAreNotTickers() {
        // "now" and "gold" are symbols, but lower case inside a sentence they are just words
        assertThat(symbols("what about apple now")).containsExactly("AAPL19");
        assertThat(MentionParser.parse("is gold good now", REGISTRY)).isInstanceOf(MentionParser.Unknown.class);
        // written as a symbol they count
        assertThat(symbols("NOW GOLD")).containsExactly("NOW19", "GOLD19");
        // alone, a word is what the user asks about
        assertThat(symbols("now")).containsExactly("NOW19");
    }

    @Test
    void moreThanFiveAreCountedNotDropped() {
        MentionParser.Tickers t = (MentionParser.Tickers) MentionParser.parse("NVDA19 DBS19 NOW19 THAIBEV19 AAPL19 GOLD19 MSFT19", REGISTRY);
        assertThat(t.tickers()).hasSize(5);
        assertThat(t.more()).containsExactly("GOLD19", "MSFT19");
    }

    @Test
    void unknownNamesComeWithCloseSuggestions() {
        MentionParser.Unknown unknown = (MentionParser.Unknown) MentionParser.parse("ราคา NVDIA19 เท่าไหร่", REGISTRY);
        assertThat(unknown.word()).isEqualTo("NVDIA19");
        assertThat(unknown.suggestions()).extracting(Ticker::drSymbol).contains("NVDA19");

        MentionParser.Unknown thaiOnly = (MentionParser.Unknown) MentionParser.parse("สวัสดีครับ", REGISTRY);
        assertThat(thaiOnly.word()).isNull();
        assertThat(thaiOnly.suggestions()).isEmpty();
    }
}
