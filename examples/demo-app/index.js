'use strict';

// Demo service for the Portcullis example image. The dependency versions are pinned on purpose:
// express 4.18.2 and lodash 4.17.20 have published advisories, so a scan has real findings.
const express = require('express');
const _ = require('lodash');

const port = Number(process.env.PORT || 3000);
const app = express();

app.get('/healthz', (req, res) => {
  res.json({ status: 'ok' });
});

// Echoes a greeting. The name comes from the query string, so lodash's string helpers see
// request input.
app.get('/greet', (req, res) => {
  const name = _.trim(String(req.query.name || 'world'));
  res.json({ greeting: `Hello, ${_.capitalize(name)}!` });
});

app.listen(port, () => {
  console.log(`demo app listening on port ${port}`);
});
