import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After client-side navigation, tell assistive technology where it is: the page title follows
 * the page's heading, and focus moves to that heading (not on the first render, where the
 * browser's own focus handling is right).
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    // Screens render their heading once their data is there: look again briefly.
    let tries = 0;
    const timer = window.setInterval(() => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      tries += 1;
      if (heading) {
        document.title = `${heading.textContent ?? ''} · Kontor`;
        if (!initial) {
          heading.tabIndex = -1;
          heading.focus({ preventScroll: true });
        }
      }
      if (heading || tries > 20) window.clearInterval(timer);
    }, 50);
    return () => window.clearInterval(timer);
  }, [pathname]);
}
