export const CONSOLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe sandbox console</title></head>
<body><h1>Stripe sandbox console</h1><script src="console/app.js"></script></body></html>`;
export const CONSOLE_JS = "";
