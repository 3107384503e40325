// Stored matters → the contract's views, as the caller may see them: a villager who did not raise a
// matter sees the raiser's name masked, no household number, no coordinates, no internal notes, and
// its photos and voice only once WeChat's media check passed every file and a cadre has looked at them. Nothing here ever carries an ID
// number, a phone number or an address: matters do not store them.
import type { MatterDetail, MatterEventView, MatterSummary } from '../../typings';
import type { Matter, MatterEvent, MatterRow } from '../shared/matters/model';
import { allPassed } from '../shared/media-verdict';
import { allowedActions, isOverdue, MAX_REOPENS, type Access } from '../shared/matters/policy';
import { deadlineText, EVENT_NAMES, maskName, STATUS_NAMES, titleOf } from '../shared/matters/texts';

const ROLE_NAMES: Record<MatterEvent['role'], string> = {
  villager: '村民',
  cadre: '村两委干部',
  secretary: '村书记',
  gridLeader: '网格长',
  system: '系统',
};

/** Those who see the matter whole: its raiser, the cadres, the person handling it. */
function insider(access: Access): boolean {
  return access.mine || access.cadre || access.assignee;
}

export function summaryView(m: MatterRow, access: Access, now: Date): MatterSummary {
  return {
    id: m._id,
    title: titleOf(m),
    category: m.category,
    status: m.status,
    statusName: STATUS_NAMES[m.status],
    public: m.public,
    raiserName: insider(access) ? m.raiserName : maskName(m.raiserName),
    raisedAt: m.raisedAt.toISOString(),
    deadline: m.roundDeadlineAt.toISOString(),
    deadlineText: deadlineText(m.roundDeadlineAt),
    due: m.dueAt.toISOString(),
    dueText:
      m.status === 'assigned' && m.assignee
        ? `${deadlineText(m.dueAt)}前办结`
        : m.status === 'responded' || m.status === 'closed'
          ? ''
          : `${deadlineText(m.dueAt)}前答复`,
    overdue: isOverdue(m, now),
    respondedInTime: m.respondedInTime,
    stars: m.stars,
    photoCount: m.photos.length,
    hasVoice: m.voice !== null,
    locationName: m.location?.name ?? null,
    round: m.round,
  };
}

function eventView(e: MatterEvent, access: Access, mediaVisible: boolean): MatterEventView {
  const villagerEvent = e.role === 'villager';
  return {
    id: e.id,
    kind: e.kind,
    kindName: EVENT_NAMES[e.kind],
    byName: villagerEvent && !insider(access) ? maskName(e.byName) : e.byName,
    roleName: ROLE_NAMES[e.role],
    text: e.text,
    // A villager's photos (the first event carries the matter's) show as the matter's own do: once
    // checked and cleared by a cadre.
    photos: villagerEvent && !mediaVisible ? [] : e.photos,
    internal: e.internal,
    stars: e.stars,
    assignee: e.assignee,
    dueDate: e.dueDate,
    at: e.at.toISOString(),
  };
}

/** Coordinates only for the raiser and the cadres; others see the place's name. */
function locationView(m: Matter, access: Access): MatterDetail['location'] {
  if (!m.location) return null;
  return insider(access) ? m.location : { name: m.location.name, latitude: null, longitude: null };
}

/** Who it was handed to: cadres see the person's member id (never an openid), others the name. */
function assigneeView(m: Matter, access: Access): MatterDetail['assignee'] {
  if (!m.assignee) return null;
  const { kind, name, dueDate } = m.assignee;
  return { kind, personId: access.cadre ? m.assignee.personId : null, name, dueDate };
}

export function detailView(m: Matter, access: Access, now: Date): MatterDetail {
  const files = [...m.photos, ...(m.voice ? [m.voice.fileId] : [])];
  const mediaVisible = insider(access) || (m.mediaCleared && allPassed(files, m.mediaChecks));
  const hasMedia = m.photos.length > 0 || m.voice !== null;
  return {
    ...summaryView(m, access, now),
    text: m.text,
    photos: mediaVisible ? m.photos : [],
    mediaPending: !mediaVisible && hasMedia,
    voice: mediaVisible ? m.voice : null,
    location: locationView(m, access),
    householdLabel: insider(access) ? m.householdLabel || null : null,
    assignee: assigneeView(m, access),
    rating: m.rating ? { stars: m.rating.stars, comment: m.rating.comment, at: m.rating.at.toISOString() } : null,
    events: m.events.filter((e) => access.cadre || !e.internal).map((e) => eventView(e, access, mediaVisible)),
    can: allowedActions(m, access),
    mine: access.mine,
    reopensLeft: Math.max(0, MAX_REOPENS - m.reopens),
  };
}
