/** How a timestamp links to the moment in the video; each style is what a media plugin understands. */
export const TIMESTAMP_STYLES = ['youtube', 'media-extended', 'media-notes'] as const;

export type TimestampStyle = (typeof TIMESTAMP_STYLES)[number];
