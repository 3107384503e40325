// 积分规则, readable by every villager, and the home page's ways into the points pages by role.
import { C } from '../../../cloudfunctions/shared/collections';
import { settled } from '../../support/sdk';
import { loadPage, openAs } from '../support/page';
import { asUser, toasts } from '../support/wx';
import { usePointsCloud } from './support';

const { pc } = usePointsCloud();

test('a villager reads the rules in force: five categories and 本村特色, each item with its points, unit, cap, photo and who records it', async () => {
  asUser('demo-villager');
  const page = await loadPage('packages/points/rules/rules');
  expect(page.text()).toContain('正在加载');
  await page.settled();

  expect(page.textsOf('.category')).toEqual(['爱国守法', '生态宜居', '产业兴旺', '乡风文明', '共建共治', '本村特色']);
  expect(page.textOf('#adoption')).toMatch(/^村规民约积分条款\s*第1版，2025年1月1日起施行，共\d+项/);
  expect(page.textOf('#adoption')).toContain('经“三上三下”3轮征求意见，2024年12月20日村民大会表决通过');
  expect(page.textOf('#adoption')).toContain('到会132人：赞成124票，反对3票，弃权5票');

  const d04 = page.textOf('#rule-D04');
  expect(d04).toContain('参加志愿服务');
  expect(d04).toContain('+2分');
  expect(d04).toContain('每次');
  expect(d04).toContain('每月最多4次');
  expect(d04).toContain('需拍照');
  expect(d04).toContain('可记录：村民自报、网格长、村干部');

  const a06 = page.textOf('#rule-A06');
  expect(a06).toContain('-20分');
  expect(a06).toContain('不限次数');
  expect(a06).toContain('可记录：村干部');
  expect(a06).not.toContain('需拍照');
  expect(page.$('#rule-A06 .down')).not.toBeNull();
  expect(page.$('#rule-D04 .up')).not.toBeNull();

  expect(page.textsOf('.version')).toEqual(['第1版，2025年1月1日起施行现行']);
  expect(toasts()).toEqual([]);
});

test('a new version adopted for the future is listed, and the one in force stays shown', async () => {
  await settled(
    pc.db.collection(C.ruleSets).add({
      data: {
        _id: 'rules-hemei-v2',
        villageId: 'village-hemei',
        version: 2,
        effectiveFrom: '2099-01-01',
        adoption: { meetingDate: '2098-12-20', rounds: 3, attendees: 140, votesFor: 130, votesAgainst: 4, abstentions: 6 },
        items: [
          {
            code: 'A01',
            category: '爱国守法',
            name: '按时参加党员活动日或村民大会',
            points: 3,
            unit: '每次',
            cap: null,
            evidence: 'none',
            recordedBy: ['cadre'],
          },
        ],
        createdBy: 'demo-secretary',
      },
    }),
  );
  const page = await openAs('demo-head', 'packages/points/rules/rules');
  expect(page.textsOf('.version')).toEqual(['第2版，2099年1月1日起施行', '第1版，2025年1月1日起施行现行']);
  expect(page.textOf('#adoption')).toContain('第1版');
});

test('someone not in a village is told so', async () => {
  const page = await openAs('o-stranger', 'packages/points/rules/rules');
  expect(page.textOf('#state >>> #load-error')).toBe('您还没有加入村庄');
  expect(page.$('#state >>> .retry')).not.toBeNull();
});

describe('办事', () => {
  const tasks = async (openid: string): Promise<string[]> => {
    const page = await openAs(openid, 'pages/work/work');
    return page.textsOf('.task-text').filter((t) => ['自报积分', '为农户记录积分', '积分审核', '修订积分规则'].includes(t));
  };

  test('offers a villager self-reporting', async () => {
    expect(await tasks('demo-villager')).toEqual(['自报积分']);
  });

  test('offers grid leaders and cadres recording and review as well, the secretary the rule editor', async () => {
    expect(await tasks('demo-grid-1')).toEqual(['积分审核', '为农户记录积分', '自报积分']);
    expect(await tasks('demo-cadre-1')).toEqual(['积分审核', '为农户记录积分', '自报积分']);
    expect(await tasks('demo-secretary')).toEqual(['积分审核', '为农户记录积分', '修订积分规则', '自报积分']);
  });

  test('offers nothing of points to a town admin, who has no village of their own', async () => {
    expect(await tasks('demo-town')).toEqual([]);
  });
});
