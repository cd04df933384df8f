package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.WatchlistItem;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class WatchlistRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-01-15T03:00:00Z");

    private final TestSchema db;
    private final WatchlistRepository watchlist;

    WatchlistRepositoryIT(TestSchema db) {
        this.db = db;
        this.watchlist = new WatchlistRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    @Test
    void addListRemoveNewestFirstPerUser() {
        assertThat(watchlist.add("1001", db.ticker("NVDA19"), T0)).isTrue();
        assertThat(watchlist.add("1001", db.ticker("DBS19"), T0.plusSeconds(5))).isTrue();
        assertThat(watchlist.add("2002", db.ticker("NVDA19"), T0)).isTrue();

        assertThat(watchlist.list("1001")).containsExactly(
                new WatchlistItem("1001", "DBS19", "DBS Group Holdings", T0.plusSeconds(5)),
                new WatchlistItem("1001", "NVDA19", "NVIDIA", T0));
        assertThat(watchlist.remove("1001", "nvda19")).isTrue();
        assertThat(watchlist.remove("1001", "NVDA19")).isFalse();
        assertThat(watchlist.list("1001")).extracting(WatchlistItem::ticker).containsExactly("DBS19");
        assertThat(watchlist.list("2002")).extracting(WatchlistItem::ticker).containsExactly("NVDA19");
    }

    @Test
    void addingTwiceKeepsOneRowAndTheFirstDate() {
        watchlist.add("1001", db.ticker("NVDA19"), T0);
        assertThat(watchlist.add("1001", db.ticker("NVDA19"), T0.plusSeconds(60))).isFalse();
        assertThat(db.count("watchlist", null)).isEqualTo(1);
        assertThat(watchlist.list("1001")).singleElement().extracting(WatchlistItem::addedAt).isEqualTo(T0);
    }

    @Test
    void anUnknownTickerIsAForeignKeyViolation() {
        Ticker ghost = new Ticker(999_999, "GHOST19", "GHOST", null, null, null, null, null, true);
        assertThatThrownBy(() -> watchlist.add("1001", ghost, T0)).isInstanceOf(ConstraintViolationException.class)
                .hasMessage("watchlist: foreign key violated for user_id=1001, ticker=GHOST19, ticker_id=999999:"
                        + " ticker_id does not reference an existing ticker_master row");
        assertThat(db.count("watchlist", null)).isZero();
    }

    @Test
    void badUserIdsAndTickersAreRejectedBeforeSql() {
        assertThatThrownBy(() -> watchlist.add(" ", db.ticker("NVDA19"), T0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("user_id must not be empty");
        assertThatThrownBy(() -> watchlist.list("x".repeat(65))).hasMessageStartingWith("user_id must be at most 64");
        assertThatThrownBy(() -> watchlist.remove("1001", "")).hasMessage("ticker must not be empty");
    }
}
