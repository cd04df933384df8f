package com.drdailyreport.telegram;

/** The Telegram user a request was made by, from validated initData. */
public record TelegramUser(String id, String username) {
}
