import {
	findVideoLinks,
	parseTimeValue,
	parseVideoInput,
	parseVideoUrl,
	timestampUrl,
} from '../../../src/core/youtube/videoUrl';

const ID = 'dQw4w9WgXcQ';

describe('parseVideoUrl accepts every form people paste', () => {
	it.each([
		['https://www.youtube.com/watch?v=ID', undefined],
		['http://www.youtube.com/watch?v=ID', undefined],
		['//www.youtube.com/watch?v=ID', undefined],
		['www.youtube.com/watch?v=ID', undefined],
		['youtube.com/watch?v=ID', undefined],
		['https://m.youtube.com/watch?v=ID', undefined],
		['https://music.youtube.com/watch?v=ID&list=RDAMVMxyz', undefined],
		['https://www.youtube.com/watch?feature=share&v=ID', undefined],
		['https://www.youtube.com/watch?app=desktop&v=ID', undefined],
		['https://www.youtube.com/watch?v=ID&pp=ygUEdGVzdA%3D%3D&ab_channel=Someone&si=abc', undefined],
		['https://www.youtube.com/watch?v=ID&t=42s', 42],
		['https://www.youtube.com/watch?v=ID&t=1m2s', 62],
		['https://www.youtube.com/watch?v=ID&t=1h2m3s', 3723],
		['https://www.youtube.com/watch?v=ID&t=62', 62],
		['https://www.youtube.com/watch?v=ID#t=1m2s', 62],
		['https://www.youtube.com/watch?v=ID&start=62', 62],
		['https://www.youtube.com/watch?v=ID&time_continue=62', 62],
		['https://www.youtube.com/watch?v=ID&list=PLx&index=3', undefined],
		['https://youtu.be/ID', undefined],
		['https://youtu.be/ID?t=42', 42],
		['https://youtu.be/ID?si=abc&t=42', 42],
		['www.youtu.be/ID', undefined],
		['https://www.youtube.com/shorts/ID', undefined],
		['https://www.youtube.com/shorts/ID?feature=share', undefined],
		['https://www.youtube.com/live/ID?si=abc', undefined],
		['https://www.youtube.com/live/ID?feature=share&t=120', 120],
		['https://www.youtube.com/embed/ID?start=30&end=60&autoplay=1', 30],
		['https://www.youtube.com/embed/ID?si=abc', undefined],
		['https://www.youtube-nocookie.com/embed/ID', undefined],
		['youtube-nocookie.com/embed/ID', undefined],
		['https://www.youtube.com/v/ID?version=3', undefined],
		['https://www.youtube.com/e/ID', undefined],
		['https://www.youtube.com/watch/ID', undefined],
		['https://www.youtube.com/attribution_link?u=%2Fwatch%3Fv%3DID%26feature%3Dshare', undefined],
		['https://YouTube.com/watch?v=ID', undefined],
		['https://www.youtubekids.com/watch?v=ID', undefined],
		['https://youtube.googleapis.com/v/ID', undefined],
		['gaming.youtube.com/watch?v=ID', undefined],
		['https://www.youtube.com/#!/watch?v=ID', undefined],
		['https://www.youtube.com:443/watch?v=ID', undefined],
		['http://www.youtube.com:80/watch?v=ID', undefined],
		['https://youtu.be:443/ID?t=42', 42],
	])('%s', (url, start) => {
		const ref = parseVideoUrl(url.replace('ID', ID));
		expect(ref).toEqual(start === undefined ? { id: ID } : { id: ID, startSeconds: start });
	});

	it('keeps the id case-sensitive while hosts are not', () => {
		expect(parseVideoUrl('https://WWW.YOUTUBE.COM/watch?v=aBcDeFgHiJk')?.id).toBe('aBcDeFgHiJk');
	});
});

describe('parseVideoUrl rejects what is not a video', () => {
	it.each([
		'https://www.youtube.com/playlist?list=PLxyz',
		'https://www.youtube.com/embed/videoseries?list=PLxyz',
		'https://www.youtube.com/embed/live_stream?channel=UCxyz',
		'https://www.youtube.com/@someone',
		'https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw',
		'https://www.youtube.com/c/Someone',
		'https://www.youtube.com/user/someone',
		'https://www.youtube.com/results?search_query=cats',
		'https://www.youtube.com/feed/subscriptions',
		'https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOp',
		'https://www.youtube.com/watch?v=tooShort',
		'https://www.youtube.com/watch?v=dQw4w9WgXcQQ',
		'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
		'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
		'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
		'https://vimeo.com/123456',
		'ftp://www.youtube.com/watch?v=dQw4w9WgXcQ',
		'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
		'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
		'https://www.youtube.com:80/watch?v=dQw4w9WgXcQ',
		'http://www.youtube.com:443/watch?v=dQw4w9WgXcQ',
		'https://youtu.be:8080/dQw4w9WgXcQ',
		'https://www.youtube.com:443@evil.example/watch?v=dQw4w9WgXcQ',
		'',
	])('%s', (url) => {
		expect(parseVideoUrl(url)).toBeNull();
	});
});

describe('parseVideoInput (the URL modal and the command line)', () => {
	it('takes a bare id', () => {
		expect(parseVideoInput(`  ${ID} `)).toEqual({ id: ID });
	});

	it('refuses eleven characters that are not an id', () => {
		expect(parseVideoInput('hello world')).toBeNull();
		expect(parseVideoInput('videoseries')).toBeNull();
		expect(parseVideoInput('live_stream')).toBeNull();
	});

	it('finds the link in pasted Markdown', () => {
		expect(parseVideoInput(`[A talk](https://youtu.be/${ID}?t=5)`)).toEqual({ id: ID, startSeconds: 5 });
	});
});

describe('findVideoLinks in note text', () => {
	it('finds links in prose, Markdown links, embeds and angle brackets, with their offsets', () => {
		const text = [
			`Watch https://youtu.be/${ID}. Then`,
			`[the talk](https://www.youtube.com/watch?v=aBcDeFgHiJk&t=90)`,
			`![](https://www.youtube.com/shorts/abcdefghijk)`,
			`<https://www.youtube-nocookie.com/embed/zyxwvutsrqp>`,
		].join('\n');
		const links = findVideoLinks(text);
		expect(links.map((link) => link.ref)).toEqual([
			{ id: ID },
			{ id: 'aBcDeFgHiJk', startSeconds: 90 },
			{ id: 'abcdefghijk' },
			{ id: 'zyxwvutsrqp' },
		]);
		for (const link of links) expect(text.slice(link.from, link.to)).toBe(link.text);
		expect(links[0].text).toBe(`https://youtu.be/${ID}`);
	});

	it('finds links in emphasis, tight table cells and quotes, and stops at Unicode punctuation', () => {
		const text = [
			`**https://youtu.be/${ID}**`,
			`_https://youtu.be/${ID}_ and ~~https://youtu.be/${ID}~~`,
			`|https://youtu.be/${ID}|`,
			`>https://youtu.be/${ID}`,
			`https://youtu.be/${ID}—great, https://www.youtube.com/watch?v=${ID}。`,
			`*https://youtu.be/abcdefghij_*`,
		].join('\n');
		const links = findVideoLinks(text);
		expect(links.map((link) => link.text)).toEqual([
			...Array<string>(6).fill(`https://youtu.be/${ID}`),
			`https://www.youtube.com/watch?v=${ID}`,
			'https://youtu.be/abcdefghij_',
		]);
		for (const link of links) expect(text.slice(link.from, link.to)).toBe(link.text);
	});

	it("finds a link that writes the scheme's own port, and no other port", () => {
		const text = [
			`https://www.youtube.com:443/watch?v=${ID} and [talk](https://youtu.be:443/aBcDeFgHiJk)`,
			`http://youtube.com:80/shorts/abcdefghijk`,
			`https://www.youtube.com:8443/watch?v=${ID} http://youtu.be:443/${ID} https://youtu.be:80/${ID}`,
			`https://www.youtube.com:443@evil.example/watch?v=${ID} https://youtu.be:443.evil.example/${ID}`,
		].join('\n');
		const links = findVideoLinks(text);
		expect(links.map((link) => link.text)).toEqual([
			`https://www.youtube.com:443/watch?v=${ID}`,
			'https://youtu.be:443/aBcDeFgHiJk',
			'http://youtube.com:80/shorts/abcdefghijk',
		]);
		for (const link of links) expect(text.slice(link.from, link.to)).toBe(link.text);
	});

	it("ignores look-alikes and links inside other sites' URLs", () => {
		const text = `See notyoutube.com/watch?v=${ID} and https://example.com/?u=youtube.com/watch?v=${ID} and youtube.com/@someone`;
		expect(findVideoLinks(text)).toEqual([]);
	});
});

describe('times', () => {
	it('parses the time forms of links and labels', () => {
		expect(parseTimeValue('90')).toBe(90);
		expect(parseTimeValue('90s')).toBe(90);
		expect(parseTimeValue('1m30s')).toBe(90);
		expect(parseTimeValue('1:30')).toBe(90);
		expect(parseTimeValue('1:01:30')).toBe(3690);
		expect(parseTimeValue('soon')).toBeUndefined();
	});

	it('builds timestamp links that YouTube understands', () => {
		expect(timestampUrl(ID, 754.9)).toBe(`https://www.youtube.com/watch?v=${ID}&t=754s`);
	});
});

describe('links built to be slow or deep', () => {
	it('refuses an attribution link inside an attribution link, and any text longer than a link can be', () => {
		const inner = encodeURIComponent('/watch?v=dQw4w9WgXcQ');
		expect(parseVideoUrl(`https://www.youtube.com/attribution_link?u=${inner}`)).toEqual({ id: 'dQw4w9WgXcQ' });
		const twice = encodeURIComponent(`/attribution_link?u=${inner}`);
		expect(parseVideoUrl(`https://www.youtube.com/attribution_link?u=${twice}`)).toBeNull();
		expect(parseVideoUrl(`https://youtu.be/dQw4w9WgXcQ?x=${'a'.repeat(5000)}`)).toBeNull();
	});
});
