// What every browser suite shares: how to start Debian's Chromium here (headless, no
// network beyond loopback, a fresh profile per launch) and which WCAG rules axe checks.
export const LAUNCH = {
  executablePath: process.env.SGWRS_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
