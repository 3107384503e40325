// A matter's detail as the detail and handle pages show it.
import type { MatterDetail } from '../../../../typings/index';
import { fileUrl } from '../../../services/upload';
import { timeText } from '../../../utils/china-time';
import { type MatterHead, matterHead, starsText } from '../../../utils/matters-format';

export interface EventRow {
  id: string;
  kind: string;
  kindName: string;
  who: string;
  timeText: string;
  text: string;
  photos: string[];
  starsText: string;
  assignee: string;
  internal: boolean;
}

export interface MatterView extends MatterHead {
  text: string;
  isPublic: boolean;
  householdLabel: string;
  deadlineText: string;
  respondedText: string;
  locationName: string;
  photos: string[];
  mediaPending: boolean;
  voiceSeconds: number;
  voiceSrc: string;
  assigneeText: string;
  ratingStars: string;
  ratingComment: string;
  events: EventRow[];
  round: number;
  reopensLeft: number;
  mine: boolean;
  can: MatterDetail['can'];
  /** Any cadre step (or the assignee's progress) is open to the caller. */
  canHandle: boolean;
}

export function matterView(m: MatterDetail): MatterView {
  const can = m.can;
  return {
    ...matterHead(m, '已办结，待评价'),
    text: m.text,
    isPublic: m.public,
    householdLabel: m.householdLabel ?? '',
    deadlineText: m.deadlineText,
    respondedText: m.respondedInTime === null ? '' : m.respondedInTime ? '按期答复' : '超期答复',
    locationName: m.location?.name ?? '',
    photos: m.photos.map(fileUrl),
    mediaPending: m.mediaPending,
    voiceSeconds: m.voice?.seconds ?? 0,
    voiceSrc: m.voice ? fileUrl(m.voice.fileId) : '',
    assigneeText: m.assignee ? `${m.assignee.name}（${m.assignee.dueDate} 前办结）` : '',
    ratingStars: starsText(m.rating?.stars ?? null),
    ratingComment: m.rating?.comment ?? '',
    events: m.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindName: e.kindName,
      who: `${e.byName} · ${e.roleName}`,
      timeText: timeText(e.at),
      text: e.text,
      photos: e.photos.map(fileUrl),
      starsText: starsText(e.stars),
      assignee: e.assignee ? `交给：${e.assignee}${e.dueDate ? `，${e.dueDate} 前办结` : ''}` : '',
      internal: e.internal,
    })),
    round: m.round,
    reopensLeft: m.reopensLeft,
    mine: m.mine,
    can,
    canHandle: can.moderate || can.respond || can.assign || can.progress || can.close,
  };
}
