-- shared: text folded for searching as SearchText.key folds it in Java (lower case, accents and ligatures opened, white
-- space folded), for the text that has no stored search key: the journal's summaries and reasons, the reads' lines
-- (AuditTrail). The letters are those Unicode decomposes into a Latin letter and accents, both cases, so that the
-- fold does not depend on the database's locale (lower() of a C locale folds only A to Z); a letter Unicode does not
-- decompose (ø, ł) is only lower-cased. The two lists were generated from Unicode's decompositions (U+00C0 to U+024F).
create function search_fold(t text) returns text language sql immutable parallel safe as $$
    select btrim(regexp_replace(
        translate(replace(replace(replace(replace(replace(lower(t), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'),
                  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
                  'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy'),
        '\s+', ' ', 'g'))
$$;
