// The Topology view (in the Router queue region): hosts around the router, packets where the router view says.
import { describe, expect, it } from 'vitest';
import { labPage, openLesson, region, seekByKeys, useLabApp } from './harness.js';

const lab = useLabApp();

describe('topology view', () => {
  it('shows the SYN on the client\'s link, then the held packet parked at the router', async () => {
    const page = await labPage(lab.browser, lab.app);
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 10);
    const figure = region(page, 'Router queue').getByRole('img', { name: /2 hosts; 1 packets on the links, 0 waiting at the router/ });
    await expect.poll(() => figure.count()).toBe(1);
    // Hold the SYN with the keyboard equivalent, and it moves to the router.
    await region(page, 'Router queue').getByRole('option').first().click();
    await region(page, 'Router queue').getByRole('button', { name: 'Hold', exact: true }).click();
    const parked = region(page, 'Router queue').getByRole('img', { name: /0 packets on the links, 1 waiting at the router/ });
    await expect.poll(() => parked.count()).toBe(1);
    await page.close();
  });
});
