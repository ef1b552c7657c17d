/**
 * The YouTube apps whose identity the player request borrows. YouTube changes which of them return
 * captions from month to month, so this is data: the order is the fallback order, and versions can be
 * bumped (or the list replaced from settings) without touching code.
 */
export interface InnertubeClient {
	/** clientName in the request context. */
	name: string;
	/** Numeric id sent as X-YouTube-Client-Name. */
	id: number;
	version: string;
	userAgent: string;
	/** Extra fields of context.client that the real app sends. */
	context: Record<string, string | number>;
}

export const DEFAULT_INNERTUBE_CLIENTS: InnertubeClient[] = [
	{
		name: 'IOS',
		id: 5,
		version: '21.02.3',
		userAgent: 'com.google.ios.youtube/21.02.3 (iPhone16,2; U; CPU iOS 18_3_2 like Mac OS X;)',
		context: { deviceMake: 'Apple', deviceModel: 'iPhone16,2', osName: 'iPhone', osVersion: '18.3.2.22D82' },
	},
	{
		name: 'ANDROID_VR',
		id: 28,
		version: '1.71.26',
		userAgent:
			'com.google.android.apps.youtube.vr.oculus/1.71.26 ' +
			'(Linux; U; Android 12L; eureka-user Build/SQ3A.220605.009.A1) gzip',
		context: {
			deviceMake: 'Oculus',
			deviceModel: 'Quest 3',
			androidSdkVersion: 32,
			osName: 'Android',
			osVersion: '12L',
		},
	},
	{
		name: 'ANDROID',
		id: 3,
		version: '20.10.38',
		userAgent: 'com.google.android.youtube/20.10.38 (Linux; U; Android 14)',
		context: { androidSdkVersion: 34, osName: 'Android', osVersion: '14' },
	},
];

/** Puts the client that worked last time first, so a working setup costs one player request. */
export function orderClients(clients: InnertubeClient[], preferredName?: string): InnertubeClient[] {
	const preferred = clients.find((client) => client.name === preferredName);
	return preferred ? [preferred, ...clients.filter((client) => client !== preferred)] : clients;
}
