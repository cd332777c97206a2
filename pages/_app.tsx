import type { AppProps } from 'next/app';
import '@/ui/styles/globals.css';
import '@/ui/styles/control-center.css';

// No next/head here: inside Pipedrive's iframe a title or viewport tag shows nowhere, and the
// head manager would cost every page a few kilobytes of JavaScript.
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
