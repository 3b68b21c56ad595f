import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noHorizontalScroll } from '../support/browser.ts';
import { useWebTest } from '../support/web-test.ts';

/** The graph box once ECharts has finished drawing it. */
async function renderedGraph(page: Page) {
  const graph = page.getByTestId('atlas-graph');
  await expect.poll(() => graph.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
  return graph;
}

describe('atlas pages', () => {
  const web = useWebTest();

  it('shows the guide-2024 graph, finds scenarios by element, opens a scenario with its four lists and links, in Chinese and English', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 768, height: 1024 } });
    await page.goto(web.url);

    // 图谱 from the main navigation: the graph of the default pack with its 21 scenarios and 49 links
    const nav = page.getByRole('navigation', { name: 'main' });
    await nav.getByRole('link', { name: '图谱' }).click();
    const graph = await renderedGraph(page);
    expect(await graph.getAttribute('data-node-count')).toBe('21');
    expect(await graph.getAttribute('data-edge-count')).toBe('49');
    expect(await page.getByText('一图四清单').first().isVisible()).toBe(true);
    expect(await page.getByText('研发设计').first().isVisible()).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);

    // clicking a node on the canvas opens its scenario
    const positions = JSON.parse((await graph.getAttribute('data-node-positions')) ?? '[]') as [
      string,
      number,
      number,
    ][];
    expect(positions).toHaveLength(21);
    const [, x, y] = positions.find(([code]) => code === 'GEN-PM-03') ?? ['', 0, 0];
    await graph.click({ position: { x, y } });
    await expect.poll(() => page.getByTestId('scenario-page').getAttribute('data-code')).toBe('GEN-PM-03');
    await page.goBack();
    await renderedGraph(page);

    // a value-tag filter goes into the URL, so the filtered view can be shared
    await page.goto(`${web.url}/atlas?valueTag=energy`);
    await renderedGraph(page);
    await expect.poll(() => page.getByText(/个场景符合筛选/).textContent()).toMatch(/^\d+ \/ 21/);

    // the table: which scenarios need 设备运行数据? (filters carry over between the views, so start unfiltered)
    await page.goto(`${web.url}/atlas`);
    await renderedGraph(page);
    await page.getByText('清单', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('/atlas/table');
    await page.getByLabel('按要素查找，如 设备运行数据').fill('设备运行数据');
    await expect.poll(() => new URL(page.url()).searchParams.get('element')).toBe('设备运行数据');
    const table = page.getByTestId('atlas-table');
    await expect.poll(() => table.getByText('设备在线监测维护').count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);

    // the scenario page: four lists, infrastructure, and a link to GEN-PM-03 生产流程优化
    await table.getByText('设备在线监测维护').click();
    await expect.poll(() => page.getByTestId('scenario-page').getAttribute('data-code')).toBe('GEN-OM-01');
    for (const [list, title] of [
      ['data', '数据要素'],
      ['models', '知识模型'],
      ['tools', '工具软件'],
      ['skills', '人才技能'],
    ] as const) {
      const card = page.getByTestId(`scenario-list-${list}`);
      expect(await card.getByText(title).isVisible()).toBe(true);
      expect(await card.locator('li').count()).toBeGreaterThanOrEqual(3);
    }
    expect(await page.getByText('设备运行数据（振动、温度、电流）').isVisible()).toBe(true);
    expect(await page.getByText('数字基础设施').isVisible()).toBe(true);
    const toFlow = page
      .getByTestId('scenario-outgoing')
      .getByRole('link', { name: 'GEN-PM-03 生产流程优化' });
    expect(await toFlow.count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);

    // English: scenario content follows the language
    await page.getByRole('button', { name: '语言' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Online equipment monitoring and maintenance' }).count())
      .toBe(1);
    expect(await page.getByTestId('scenario-list-data').getByText('Data', { exact: true }).count()).toBe(1);
    await page
      .getByTestId('scenario-outgoing')
      .getByRole('link', { name: 'GEN-PM-03 Production flow optimisation' })
      .click();
    await expect.poll(() => page.getByTestId('scenario-page').getAttribute('data-code')).toBe('GEN-PM-03');
    // GEN-PM-03 has prerequisites, listed by name
    expect(await page.getByText('Prerequisites (including indirect)').isVisible()).toBe(true);

    await page.close();
  });

  it('switches packs by URL, and shows a clear state for an unknown scenario', async () => {
    const page = await web.signedInPage('cio@demo.tupu.local', { viewport: { width: 1280, height: 900 } });

    await page.goto(`${web.url}/atlas?pack=equipment-2024`);
    const graph = await renderedGraph(page);
    const nodes = Number(await graph.getAttribute('data-node-count'));
    expect(nodes).toBeGreaterThan(21);
    expect(await page.getByText(/扩展自 guide-2024/).isVisible()).toBe(true);

    await page.goto(`${web.url}/atlas/scenarios/GEN-XX-99`);
    await expect.poll(() => page.getByText('未找到场景 GEN-XX-99').isVisible()).toBe(true);
    await page.close();
  });
});
