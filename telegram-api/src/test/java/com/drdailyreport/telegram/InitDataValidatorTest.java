package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** initData signed by the test's own implementation of Telegram's published algorithm (InitDataSigner). */
class InitDataValidatorTest {

    private static final String TOKEN = "7512345678:AAE-test-token-for-dr-daily-report";
    private static final Instant NOW = Instant.parse("2026-01-15T03:12:45Z");
    private static final long AUTH = NOW.getEpochSecond() - 300;
    private final InitDataValidator validator = new InitDataValidator(TOKEN);

    @Test
    void acceptsWhatTelegramSignsAndReturnsTheUser() {
        TelegramUser user = validator.validate(InitDataSigner.sign(InitDataSigner.fields(424242, AUTH), TOKEN), NOW);
        assertThat(user).isEqualTo(new TelegramUser("424242", "somchai_dr"));
    }

    @Test
    void acceptsFieldsInAnyOrderAndUnicodeValues() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("auth_date", Long.toString(AUTH));
        fields.put("user", "{\"id\":7,\"first_name\":\"สมชาย\"}");
        fields.put("chat_instance", "-8401232104342521340");
        fields.put("signature", "abc");
        assertThat(validator.validate(InitDataSigner.sign(fields, TOKEN), NOW).id()).isEqualTo("7");
    }

    @Test
    void refusesTamperedWrongTokenExpiredUnsignedAndRepeatedData() {
        Map<String, String> fields = InitDataSigner.fields(424242, AUTH);
        String signed = InitDataSigner.sign(fields, TOKEN);
        assertThatThrownBy(() -> validator.validate(signed.replace("424242", "424243"), NOW)).hasMessage("initData signature does not match");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.sign(fields, "1:other"), NOW)).hasMessage("initData signature does not match");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.sign(InitDataSigner.fields(1, NOW.getEpochSecond() - 86_401), TOKEN), NOW))
                .hasMessage("initData has expired (older than 24 hours)");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.encode(fields), NOW)).hasMessage("initData has no hash");
        assertThatThrownBy(() -> validator.validate(signed + "&user=%7B%22id%22%3A1%7D", NOW)).hasMessage("initData repeats the field user");
        assertThatThrownBy(() -> validator.validate("", NOW)).hasMessage("initData is empty");
        assertThatThrownBy(() -> validator.validate("a=%zz", NOW)).hasMessage("initData is not URL-encoded");
    }

    @Test
    void authDateIsRequiredAndNotInTheFuture() {
        Map<String, String> noDate = new LinkedHashMap<>(InitDataSigner.fields(1, AUTH));
        noDate.remove("auth_date");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.sign(noDate, TOKEN), NOW)).hasMessage("initData has no auth_date");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.sign(InitDataSigner.fields(1, NOW.getEpochSecond() + 3_600), TOKEN), NOW))
                .hasMessage("initData auth_date is in the future");
        Map<String, String> noUserId = new LinkedHashMap<>(InitDataSigner.fields(1, AUTH));
        noUserId.put("user", "{\"first_name\":\"x\"}");
        assertThatThrownBy(() -> validator.validate(InitDataSigner.sign(noUserId, TOKEN), NOW)).hasMessage("initData user has no id");
    }
}
