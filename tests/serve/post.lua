-- post.lua: wrk's script for bench-serve -- every request is LanguageTool's
-- POST /v2/check of a short paragraph with two mistakes, url-encoded as
-- LanguageTool's clients send it.
wrk.method = "POST"
wrk.path = "/v2/check"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "language=en-US&text=" ..
  "The%20minister%20said%20that%20the%20the%20talks%20will%20continue" ..
  "%20next%20week%20in%20Geneva.%20Officials%20recieved%20the%20" ..
  "proposal%20on%20Monday%20and%20will%20answer%20it%20soon."
