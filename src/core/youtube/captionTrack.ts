import { DigestError } from '../errors';
import { needsPoToken } from './playerResponse';
import { CaptionTrack, CaptionTrackList, readCaptionTrackList } from './playerResponseData';

export interface ChosenTrack {
	track: CaptionTrack;
	languageCode: string;
	isGenerated: boolean;
}

/**
 * Picks the caption track to summarize: the user's languages in order (exact code, then the same base
 * language), manual captions before auto-generated ones; without a match, the language actually spoken
 * (that of the auto-generated track), never simply the first track, which is often an arbitrary language.
 */
export function chooseCaptionTrack(raw: unknown, preferredLanguages: string[], pick?: CaptionTrackPick): ChosenTrack {
	const list = readCaptionTrackList(raw);
	const all = list.captionTracks ?? [];
	const usable = all.filter((track) => !needsPoToken(track));
	if (usable.length === 0) throw new DigestError(all.length > 0 ? 'po-token-required' : 'no-captions');
	const track = pick
		? usable.find(
				(candidate) =>
					candidate.languageCode === pick.languageCode && isGenerated(candidate) === pick.generated,
			)
		: (findPreferred(usable, preferredLanguages) ?? findInLanguage(usable, spokenLanguage(all, list)) ?? usable[0]);
	if (!track) throw new DigestError('no-captions', 'the chosen caption track is no longer offered');
	return { track, languageCode: track.languageCode, isGenerated: isGenerated(track) };
}

/** A caption track the user picked by hand: its language, and whether it is the auto-generated one. */
export interface CaptionTrackPick {
	languageCode: string;
	generated: boolean;
}

/** The tracks a user can pick from, with YouTube's own names (`English (auto-generated)`). */
export function captionTrackChoices(list: CaptionTrackList | undefined): (CaptionTrackPick & { label: string })[] {
	return (list?.captionTracks ?? [])
		.filter((track) => !needsPoToken(track))
		.map((track) => {
			const generated = isGenerated(track);
			const name = track.name?.simpleText ?? (track.name?.runs ?? []).map((run) => run.text ?? '').join('');
			const label = name.trim() || `${track.languageCode}${generated ? ' (auto-generated)' : ''}`;
			return { languageCode: track.languageCode, generated, label };
		});
}

function findPreferred(tracks: CaptionTrack[], languages: string[]): CaptionTrack | undefined {
	const codes = Array.isArray(languages) ? languages : [];
	for (const language of codes.map((code) => (typeof code === 'string' ? code.trim() : '')).filter(Boolean)) {
		const found = findInLanguage(tracks, language) ?? findInBaseLanguage(tracks, language);
		if (found) return found;
	}
	return undefined;
}

function findInLanguage(tracks: CaptionTrack[], language: string | undefined): CaptionTrack | undefined {
	if (!language) return undefined;
	const matching = tracks.filter((track) => track.languageCode.toLowerCase() === language.toLowerCase());
	return manualFirst(matching);
}

function findInBaseLanguage(tracks: CaptionTrack[], language: string): CaptionTrack | undefined {
	const base = baseLanguage(language);
	return manualFirst(tracks.filter((track) => baseLanguage(track.languageCode) === base));
}

function manualFirst(tracks: CaptionTrack[]): CaptionTrack | undefined {
	return tracks.find((track) => !isGenerated(track)) ?? tracks[0];
}

/** The auto-generated track is in the spoken language; failing that, the track YouTube itself would show. */
function spokenLanguage(tracks: CaptionTrack[], list: CaptionTrackList): string | undefined {
	const generated = tracks.find(isGenerated);
	if (generated) return generated.languageCode;
	const audio = list.audioTracks?.[list.defaultAudioTrackIndex ?? 0];
	const index = audio?.defaultCaptionTrackIndex;
	return index === undefined ? undefined : tracks[index]?.languageCode;
}

function isGenerated(track: CaptionTrack): boolean {
	return track.kind === 'asr' || (track.vssId ?? '').startsWith('a.');
}

function baseLanguage(code: string): string {
	return code.toLowerCase().split(/[-_]/)[0];
}
