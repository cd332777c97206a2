import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { CSP_NONCE_HEADER } from '@/server/http/security-headers';

/**
 * Puts the page's theme on <html> in the server-rendered markup, so a dark Pipedrive never sees a
 * white flash while the window loads; the UI keeps it in sync with live theme changes afterwards.
 */
function themeOf(pageProps: unknown): 'light' | 'dark' {
  const theme = (pageProps as { theme?: unknown } | null | undefined)?.theme;
  return theme === 'dark' ? 'dark' : 'light';
}

/** The script nonce the server put in this response's CSP (src/server/http/security-headers.ts). */
function nonceOf(ctx: DocumentContext): string | undefined {
  const nonce = ctx.req?.headers[CSP_NONCE_HEADER];
  return typeof nonce === 'string' ? nonce : undefined;
}

export default class AppDocument extends Document<{ nonce?: string }> {
  static override async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & { nonce?: string }> {
    const initialProps = await Document.getInitialProps(ctx);
    const nonce = nonceOf(ctx);
    return nonce === undefined ? initialProps : { ...initialProps, nonce };
  }

  override render() {
    const theme = themeOf((this.props.__NEXT_DATA__.props as { pageProps?: unknown } | undefined)?.pageProps);
    const { nonce } = this.props;
    return (
      <Html lang="en" data-theme={theme} style={{ colorScheme: theme }}>
        <Head nonce={nonce}>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </Head>
        <body>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
