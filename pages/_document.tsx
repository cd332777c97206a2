import Document, { Head, Html, Main, NextScript } from 'next/document';

/**
 * Puts the page's theme on <html> in the server-rendered markup, so a dark Pipedrive never sees a
 * white flash while the window loads; the UI keeps it in sync with live theme changes afterwards.
 */
function themeOf(pageProps: unknown): 'light' | 'dark' {
  const theme = (pageProps as { theme?: unknown } | null | undefined)?.theme;
  return theme === 'dark' ? 'dark' : 'light';
}

export default class AppDocument extends Document {
  override render() {
    const theme = themeOf((this.props.__NEXT_DATA__.props as { pageProps?: unknown } | undefined)?.pageProps);
    return (
      <Html lang="en" data-theme={theme} style={{ colorScheme: theme }}>
        <Head>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </Head>
        <body>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
