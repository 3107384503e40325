// 村民说事 tapped through as the people would, on the real `matters` function with the demo village:
// a villager who would rather speak than type raises a matter (voice, photo, place; a double tap
// raises it once); a cadre finds it in the queue, answers it and closes it; the villager rates it
// poorly and asks once for it to be handled again. Privacy, the lists and the statistics on the
// pages too.
import http from 'node:http';
import { C } from '../../../cloudfunctions/shared/collections';
import { matterSchema } from '../../../cloudfunctions/shared/matters/model';
import { getAll, settled } from '../../support/sdk';
import { openAs, openPage } from '../support/page';
import { toasts } from '../support/wx';
import { navigations, nextPlace, nextRecording, pickPhoto, played, subscribeRequests, uploads, useMattersCloud } from './support';

const { pc, api } = useMattersCloud();

let matterId = '';

async function storedWithKey(clientKey: string): Promise<Record<string, unknown>[]> {
  return getAll(pc.db.collection(C.matters).where({ clientKey }));
}

test('a villager raises a matter by holding to talk, with a photo and a place; a double tap raises it once', async () => {
  const page = await openAs('demo-villager', 'packages/matters/raise/raise');

  // Nothing chosen yet: the page says what is missing, the function is not called.
  await page.tap('#submit');
  expect(page.textOf('#error')).toBe('请先选一个类别');
  await page.tap('#category-1');
  expect(page.data.category).toBe('环境卫生');
  await page.tap('#submit');
  expect(page.textOf('#error')).toBe('请写几句话，或者按住按钮说一段语音');

  // Hold to talk: press, speak, lift — the note is uploaded and can be played back.
  nextRecording('voice.mp3', 14);
  await page.dispatch('#voice', 'touchstart');
  expect(page.textOf('#voice')).toBe('正在录音，松开结束');
  await page.dispatch('#voice', 'touchend');
  await page.until((d) => d.voice !== null && d.voiceUploading === false, 'the voice note is uploaded');
  expect(page.textOf('#play-voice')).toBe('▶ 语音 14秒');
  await page.tap('#play-voice');
  expect(played()).toHaveLength(1);
  // A slip of the finger (under a second) is not a note.
  nextRecording('slip.mp3', 0);
  await page.dispatch('#voice', 'touchstart');
  await page.dispatch('#voice', 'touchend');
  await page.until((d) => d.error !== '', 'the short recording is refused');
  expect(page.textOf('#error')).toBe('说话时间太短，请按住按钮多说几句');

  pickPhoto('ditch.png');
  await page.tap('#add-photo');
  await page.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the photo is uploaded');
  nextPlace({ name: '四组排水沟', address: '清溪镇和美村4组18号', latitude: 31.125, longitude: 104.399 });
  await page.tap('#choose-location');
  await page.until((d) => d.location !== null, 'the place is chosen');
  expect(page.textOf('#choose-location')).toBe('📍 四组排水沟');
  expect(uploads().map((u) => u.cloudPath)).toEqual([
    expect.stringMatching(/^matters\/\d{4}-\d{2}-\d{2}\/[a-z0-9]+-voice\.mp3$/),
    expect.stringMatching(/^matters\/.+-1\.png$/),
  ]);

  await page.dispatch('#text', 'input', { value: '排水沟又堵了，下雨水漫到路上，老人过不去' });
  // Private unless the raiser chooses public; the promise is on the form before anything is sent.
  expect(page.data.isPublic).toBe(false);
  expect(page.textOf('#promise')).toContain('两个工作日内答复您');
  await page.dispatch('#public', 'change', { value: true });
  const clientKey = String(page.data.clientKey);
  await page.tap('#submit');
  await page.tap('#submit');
  await page.until((d) => d.done !== null, 'the matter is raised');
  expect(page.textOf('#done')).toMatch(/^已提交。村干部会在两个工作日内、\d+月\d+日（周.）24:00前答复您。$/);
  // Asked to be told of the answers, inside the tap.
  expect(subscribeRequests()).toEqual([['TPL_MATTER_UPDATE']]);

  const stored = await storedWithKey(clientKey);
  expect(stored).toHaveLength(1);
  const m = matterSchema.parse(stored[0]);
  matterId = m._id;
  expect(m).toMatchObject({
    category: '环境卫生',
    public: true,
    status: 'open',
    voice: { seconds: 14 },
    location: { name: '四组排水沟', latitude: 31.125, longitude: 104.399 },
  });
  expect(m.photos).toHaveLength(1);
  // Only the place's name: never the street address the map picker answered with.
  expect(JSON.stringify(m)).not.toContain('4组18号');

  await page.tap('#open-done');
  expect(navigations()).toEqual([`/packages/matters/detail/detail?id=${matterId}`]);
});

test('the cadre finds it in the queue, overdue ones marked, answers it and closes it with the result', async () => {
  // An overdue one, for the mark: raised a week ago and never answered.
  const [raised] = await getAll(pc.db.collection(C.matters).where({ _id: matterId }));
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const pastDeadline = new Date(Date.now() - 3 * 86_400_000);
  const late = matterSchema.parse({
    ...matterSchema.parse(raised),
    _id: 'page-overdue',
    clientKey: 'page-overdue',
    text: '村小学门口的路灯一直不亮',
    raisedAt: weekAgo,
    deadlineAt: pastDeadline,
    dueAt: pastDeadline,
    roundDeadlineAt: pastDeadline,
    armed: false,
    events: [],
  });
  await settled(pc.db.collection(C.matters).add({ data: late }));

  const queue = await openAs('demo-cadre-1', 'packages/matters/queue/queue');
  expect(queue.$(`#matter-${matterId}`)).not.toBeNull();
  expect(queue.textOf('#overdue-count')).toMatch(/^已超期 \d+ 件，请尽快办理$/);
  expect(queue.textOf('#matter-page-overdue')).toMatch(/已超期 \d+ 天/);
  // Overdue first: the overdue one comes before the one just raised.
  const items: unknown = queue.data.items;
  const ids = Array.isArray(items) ? items.map((i: unknown) => (typeof i === 'object' && i !== null && 'id' in i ? String(i.id) : '')) : [];
  expect(ids.indexOf('page-overdue')).toBeLessThan(ids.indexOf(matterId));
  await queue.tap(`#matter-${matterId}`);
  expect(navigations()).toContain(`/packages/matters/handle/handle?id=${matterId}`);

  const handle = await openPage('packages/matters/handle/handle', { query: { id: matterId } });
  expect(handle.textOf('#status')).toBe('待答复');
  // The step it waits for is open already.
  expect(handle.data.form).toBe('respond');
  await handle.dispatch('#text', 'input', { value: '收到，明天上午安排人清淤。' });
  await handle.tap('#submit');
  await handle.until((d) => d.submitting === false && handle.textOf('#status') === '已答复', 'the answer is given');
  expect(toasts().map((t) => t.title)).toContain('已答复');

  await handle.tap('#form-close');
  await handle.dispatch('#text', 'input', { value: '淤泥已清，加了两块盖板。' });
  pickPhoto('cleared.png');
  await handle.tap('#add-photo');
  await handle.until((d) => Array.isArray(d.photos) && d.photos.length === 1 && d.uploading === false, 'the result photo is uploaded');
  await handle.tap('#submit');
  await handle.until((d) => d.submitting === false && handle.textOf('#status') === '已办结，待评价', 'the matter is closed');
  // Nothing more for a cadre to do but discuss it.
  expect(handle.$('#form-respond')).toBeNull();
  expect(handle.$('#form-close')).toBeNull();
});

test('the villager rates it poorly and asks once for it to be handled again', async () => {
  const page = await openAs('demo-villager', 'packages/matters/detail/detail', { query: { id: matterId } });
  expect(page.textsOf('.event-kind')).toEqual(['提出', '答复', '办结']);
  expect(page.$('#handle')).toBeNull();
  expect(page.$('#reopen-form')).toBeNull();

  await page.tap('#submit-rating');
  expect(page.textOf('#error')).toBe('请点星星打分：1星很不满意，5星很满意');
  await page.tap('#star-2');
  expect(page.data.stars).toBe(2);
  await page.dispatch('#comment', 'input', { value: '盖板没盖严，还是会堵' });
  await page.tap('#submit-rating');
  await page.until((d) => d.submitting === false && page.$('#rating') !== null, 'the rating is shown');
  expect(page.textOf('#rating')).toContain('★★☆☆☆');
  expect(page.$('#rate-form')).toBeNull();

  await page.dispatch('#reason', 'input', { value: '盖板缝太大，请再看看' });
  await page.tap('#submit-reopen');
  await page.until((d) => d.submitting === false && page.textOf('#status') === '待答复', 'it is reopened');
  expect(page.$('#reopen-form')).toBeNull();
  expect(page.$('#rating')).toBeNull();

  // Handled again, rated 1 star: no second reopen is offered.
  await api().ok('demo-cadre-2', 'respond', { id: matterId, clientKey: 'page-respond-2', text: '再次查看' });
  await api().ok('demo-cadre-2', 'close', { id: matterId, clientKey: 'page-close-2', text: '盖板已换成整块' });
  const again = await openPage('packages/matters/detail/detail', { query: { id: matterId } });
  await again.tap('#star-1');
  await again.tap('#submit-rating');
  await again.until((d) => d.submitting === false && again.$('#rating') !== null, 'the second rating is shown');
  expect(again.$('#reopen-form')).toBeNull();
  expect(again.$('#rate-form')).toBeNull();
});

test('another villager cannot open a private matter, and the public list does not show it', async () => {
  const { matter } = await api().ok('demo-villager', 'raise', {
    clientKey: 'page-private-1',
    text: '家里的事，想私下和村干部说',
    category: '邻里纠纷',
    public: false,
  });
  const page = await openAs('demo-head', 'packages/matters/detail/detail', { query: { id: matter.id } });
  expect(page.textOf('#not-found')).toContain('没有找到这件说事');
  expect(page.$('#text')).toBeNull();

  const list = await openPage('packages/matters/list/list');
  expect(list.$(`#matter-${matter.id}`)).toBeNull();
  // Public ones are there, newest first, with the raiser masked.
  expect(list.$(`#matter-${matterId}`)).not.toBeNull();
  expect(list.textOf(`#matter-${matterId}`)).toMatch(/\S\*+ · /);
  expect(list.$('#go-queue')).toBeNull();
  await list.tap(`#matter-${matterId}`);
  expect(navigations()).toEqual([`/packages/matters/detail/detail?id=${matterId}`]);

  const mine = await openAs('demo-villager', 'packages/matters/mine/mine');
  expect(mine.textOf(`#matter-${matter.id}`)).toContain('仅干部可见');
});

test('the statistics page shows the village and each cadre; the town admin sees each village', async () => {
  const page = await openAs('demo-secretary', 'packages/matters/stats/stats');
  expect(page.textOf('#village')).toContain('和美村');
  expect(page.textOf('#response-rate')).toMatch(/^(\d+(\.\d)?%|—)$/);
  expect(page.textsOf('.person-name').length).toBeGreaterThanOrEqual(4);
  await page.tap('#preset-year');
  await page.settled();
  expect(page.data.from).toMatch(/^\d{4}-01-01$/);

  const town = await openAs('demo-town', 'packages/matters/stats/stats');
  expect(town.$('#village')).toBeNull();
  expect(town.textOf('#villages')).toContain('和美村');
});

test('the town admin sees the missing-year warning and enters the year', async () => {
  const fired = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${pc.url}/_localcloud/timers/matters/schedule`, { method: 'POST', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ time: '2026-12-01T01:00:00Z' }));
  });
  expect(fired).toBe(200);
  const page = await openAs('demo-town', 'packages/matters/calendar/calendar');
  expect(page.textOf('#warning-2027')).toContain('2027年的法定节假日安排还没有收录');
  expect(page.textOf('#coverage')).toContain('2027年：尚未收录');
  await page.dispatch('#date', 'change', { value: '2027-02-06' });
  await page.dispatch('#name', 'input', { value: '春节' });
  await page.tap('#save');
  await page.until((d) => d.saving === false && page.$('#override-2027-02-06') !== null, 'the date is saved');
  expect(page.$('#warning-2027')).toBeNull();
  expect(page.textOf('#coverage')).toContain('2027年：已按本镇录入的日期计算');
});

test('办事 and 公开 offer the ways in for each role', async () => {
  const MATTERS = ['村民说事', '我要说事', '说事待办', '说事待办（有超期）', '说事统计', '节假日设置'];
  const entries = async (openid: string): Promise<string[]> => {
    const work = await openAs(openid, 'pages/work/work');
    const open = await openPage('pages/public/public');
    return [...open.textsOf('.grid-item'), ...work.textsOf('.task-text')].filter((t) => MATTERS.includes(t));
  };
  expect(await entries('demo-villager')).toEqual(['村民说事', '我要说事']);
  expect(await entries('demo-cadre-1')).toEqual(['村民说事', expect.stringMatching(/^说事待办/), '说事统计', '我要说事']);
  expect(await entries('demo-town')).toEqual(['说事统计', '节假日设置']);
});
