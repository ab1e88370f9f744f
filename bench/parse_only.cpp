// The benchmark's baseline: parse every file with nlohmann::json and nothing else, on N threads,
// so the benchmark can say what the model and the rules cost on top of parsing.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: parse_only JOBS DIRECTORY\n";
        return 2;
    }
    const unsigned jobs = static_cast<unsigned>(std::stoul(argv[1]));
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[2])) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> parsed{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
        threads.emplace_back([&] {
            for (std::size_t i = next++; i < files.size(); i = next++) {
                std::ifstream in(files[i], std::ios::binary);
                std::ostringstream text;
                text << in.rdbuf();
                if (!nlohmann::json::parse(text.str(), nullptr, false).is_discarded()) {
                    ++parsed;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::cout << parsed << " of " << files.size() << " files parsed\n";
    return 0;
}
