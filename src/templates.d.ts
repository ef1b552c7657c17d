/** Handlebars templates in templates/ are bundled as text. */
declare module '*.hbs' {
	const source: string;
	export default source;
}
