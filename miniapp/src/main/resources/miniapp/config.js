/*
 * Deployment settings of the Mini App page; the deploy tool may replace this one file.
 *   apiBase      where /api/v1 is served: '' = the page's own origin (local), or the API's
 *                origin, e.g. 'https://api.example.com' (it must list the page's origin in ALLOWED_ORIGINS)
 *   telegramSdk  the Telegram WebApp SDK; '' loads none (the page then works read-only)
 *   sdkTimeoutMs how long to wait for that script before giving up on it
 */
window.DR_CONFIG = Object.assign({
  apiBase: '',
  telegramSdk: 'https://telegram.org/js/telegram-web-app.js',
  sdkTimeoutMs: 4000
}, window.DR_CONFIG || {});
