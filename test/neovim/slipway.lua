-- A minimal Neovim (0.7+) configuration that starts Slipway's language server the way any
-- LSP client would (`slipway lsp --stdio`), opens files, waits for their diagnostics and writes
-- them as JSON. Driven by test/neovim/neovim.test.ts:
--   nvim --headless --noplugin -i NONE -n -u test/neovim/slipway.lua
-- Environment: SLIPWAY_CMD (JSON array: the server command), SLIPWAY_ROOT (workspace folder),
-- SLIPWAY_FILES (JSON array of paths), SLIPWAY_EXPECT (JSON object: path -> number of
-- diagnostics to wait for), SLIPWAY_OUT (the JSON file to write), SLIPWAY_TIMEOUT_MS.
local cmd = vim.fn.json_decode(vim.env.SLIPWAY_CMD)
local root = vim.env.SLIPWAY_ROOT
local files = vim.fn.json_decode(vim.env.SLIPWAY_FILES)
local expect = vim.fn.json_decode(vim.env.SLIPWAY_EXPECT)
local out = vim.env.SLIPWAY_OUT
local timeout = tonumber(vim.env.SLIPWAY_TIMEOUT_MS or '20000')

vim.lsp.set_log_level('warn')

-- What the server published, by URI, as received (LSP: 0-based lines, UTF-16 columns).
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']

local client_id = vim.lsp.start_client({
  name = 'slipway',
  cmd = cmd,
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result.diagnostics
      return default_handler(err, result, ctx, config)
    end,
  },
})

local report = { client = client_id ~= nil, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), files = {} }

if client_id then
  for _, path in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.bo[bufnr].filetype = 'yaml'
    vim.lsp.buf_attach_client(bufnr, client_id)
    local uri = vim.uri_from_bufnr(bufnr)
    local want = expect[path] or 0
    local done = vim.wait(timeout, function()
      local got = published[uri]
      return got ~= nil and #got >= want and #vim.diagnostic.get(bufnr) >= want
    end, 20)
    local diagnostics = {}
    for _, d in ipairs(published[uri] or {}) do
      table.insert(diagnostics, {
        code = d.code,
        severity = d.severity,
        source = d.source,
        message = d.message,
        range = d.range,
      })
    end
    local shown = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(shown, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity })
    end
    table.insert(report.files, {
      path = path,
      uri = uri,
      complete = done,
      diagnostics = diagnostics,
      shown = shown,
    })
  end
end

local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode(report))
handle:close()
if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end
vim.cmd('qa!')
