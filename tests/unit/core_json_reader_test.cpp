#include "core/json_reader.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_json_reader)

namespace {

namespace json = boost::json;

struct item {
    std::string name;
    std::uint64_t count = 0;
};

struct holder {
    std::vector<item> items;
    std::optional<item> first;
    std::optional<std::string> label;
};

class test_reader : public twitter::core::json_reader<test_reader> {
public:
    using json_reader::json_reader;
};

void read(test_reader const& r, item& i) {
    r.require("name", i.name);
    r.get("count", i.count);
}

void read(test_reader const& r, holder& h) {
    r.get("items", h.items);
    r.get("first", h.first);
    r.nested("meta", [&](test_reader const& m) { m.get("label", h.label); });
}

// Reads `text` (a JSON object) into a model; returns whether it was well formed.
template <class Model>
bool read_text(std::string_view text, Model& out) {
    json::value const doc = json::parse(text);
    bool ok = true;
    read(test_reader(doc.get_object(), ok), out);
    return ok;
}

}  // namespace

BOOST_AUTO_TEST_CASE(null_counts_as_absent) {
    holder h;
    BOOST_TEST(read_text(R"({"items": null, "first": null, "meta": null})", h));
    BOOST_TEST(h.items.empty());
    BOOST_TEST(!h.first);
    BOOST_TEST(!h.label);
}

BOOST_AUTO_TEST_CASE(nested_models_are_read_with_the_derived_reader) {
    holder h;
    BOOST_TEST(read_text(
        R"({"items": [{"name": "a", "count": 2}, {"name": "b"}], "first": {"name": "c"}, "meta": {"label": "l"}})",
        h));
    BOOST_TEST(h.items.size() == 2u);
    BOOST_TEST(h.items.at(0).count == 2u);
    BOOST_TEST(h.items.at(1).name == "b");
    BOOST_TEST(h.items.at(1).count == 0u);
    BOOST_TEST(h.first.value().name == "c");
    BOOST_TEST(h.label.value() == "l");
}

BOOST_AUTO_TEST_CASE(a_member_of_the_wrong_type_clears_ok) {
    holder h;
    BOOST_TEST(!read_text(R"({"items": {}})", h));
    BOOST_TEST(!read_text(R"({"items": [1]})", h));
    BOOST_TEST(!read_text(R"({"first": []})", h));
    BOOST_TEST(!read_text(R"({"meta": "x"})", h));
    BOOST_TEST(!read_text(R"({"meta": {"label": 1}})", h));
    item i;
    BOOST_TEST(!read_text(R"({"name": "a", "count": "1"})", i));
}

BOOST_AUTO_TEST_CASE(a_missing_required_member_clears_ok) {
    item i;
    BOOST_TEST(!read_text(R"({"count": 1})", i));
    BOOST_TEST(!read_text(R"({"name": null})", i));
}

BOOST_AUTO_TEST_CASE(a_count_takes_any_non_negative_integer) {
    item i;
    BOOST_TEST(read_text(R"({"name": "a", "count": 18446744073709551615})", i));
    BOOST_TEST(i.count == UINT64_MAX);
    BOOST_TEST(!read_text(R"({"name": "a", "count": -1})", i));
    BOOST_TEST(!read_text(R"({"name": "a", "count": 1.5})", i));
}

BOOST_AUTO_TEST_SUITE_END()
